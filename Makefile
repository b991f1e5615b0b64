# Common flows of the MAx-DNN toolkit. `make run` sets up and runs the main job; `make test` the tests.
MVN ?= mvn -B --no-transfer-progress
# The shared assets beside a checkout; override with MAXDNN_ASSETS=/path/to/data.
MAXDNN_ASSETS ?= $(abspath ../shared/data)
export MAXDNN_ASSETS
# Debian packages the flows call: simulators, synthesis, static timing/power, the osu018 liberty, and
# the qflow place-and-route flow (`netgen-lvs` is netgen the LVS tool; Debian's `netgen` is a mesh generator),
# and the browser the report pages are tested in (headless, through its WebDriver).
APT_PACKAGES = verilator iverilog yosys opensta qflow-tech-osu018 qflow graywolf qrouter magic netgen-lvs \
  chromium chromium-driver
SUDO = $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup build run quick test bench golden screenshots clean

setup:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q $$missing; \
	fi

build: setup
	$(MVN) -q -DskipTests package

run: build
	./maxdnn run --out out/run

quick: build
	./maxdnn run --quick --out out/run-quick

test: setup
	$(MVN) package

bench: build
	./maxdnn bench

# Regenerate the reviewed golden files the tests compare against, with the toolkit's own commands (a
# test never writes them). Review the diff before committing.
golden: build
	./maxdnn multipliers --csv golden-models/src/test/resources/golden/roup_metrics.csv
	java -cp cli/target/maxdnn-cli.jar org.maxdnn.array.TilingTable \
	  $(MAXDNN_ASSETS)/models/mlperf_tiny_resnet8/pretrainedResnet_quant.tflite golden-models/src/test/resources/golden/tiling_resnet8.csv
	./maxdnn energy --limit 2 --pairs 4000 --out out/golden-energy \
	  --csv flow/src/test/resources/golden/osu018_characterisation.csv
	cp out/golden-energy/action-energy.csv flow/src/test/resources/golden/osu018_action_energy.csv

# The README's screenshots of the three report pages, taken by their browser tests on small runs.
screenshots: setup
	mkdir -p docs/img
	$(MVN) -q package -pl explore,flow -am -Dsurefire.failIfNoSpecifiedTests=false -Dmaxdnn.screenshots=$(abspath docs/img) \
	  -Dtest='ExploreReportInBrowserTest,ExploreAllNetworksTest#thePageIsInteractiveAndSelfContained,MainFlowTest#theReportPageIsInteractiveAndSelfContained'

clean:
	$(MVN) -q clean
	rm -rf out
