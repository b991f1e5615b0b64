package org.maxdnn.sim;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.maxdnn.Assets;

/** Liberties and synthesised test designs shared by the tests of this module (made once per run). */
final class TestDesigns {
    static final Path OSU018 = Liberty.OSU018;
    private static final Map<String, YosysSynth.Result> SYNTH = new ConcurrentHashMap<>();

    private TestDesigns() {
    }

    static Path sky130() {
        return Assets.fromEnvironment().liberty("sky130hd_tt.lib.gz");
    }

    static Liberty liberty(Path file) {
        return GateLevelEnergy.library(file);
    }

    static Path resource(String name) {
        try {
            return Path.of(TestDesigns.class.getResource("/verilog/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code top} from resource {@code top.v} synthesised to {@code lib}, cached. */
    static synchronized YosysSynth.Result synth(String top, Path lib) {
        String key = top + "@" + lib;
        YosysSynth.Result r = SYNTH.get(key);
        if (r == null) {
            String libName = lib.getFileName().toString().replaceAll("\\..*", "");
            Path out = Path.of("target", "test-synth", libName, top);
            r = YosysSynth.synthesize(resource(top + ".v"), top, lib, out);
            SYNTH.put(key, r);
        }
        return r;
    }
}
