package org.maxdnn.layout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.maxdnn.MaxdnnException;
import org.maxdnn.io.ExternalTool;

/**
 * The programs and technology files of the qflow flow (Debian packages): qflow drives Yosys,
 * graywolf (placement), qrouter (routing), vesta (static timing), magic (DRC) and netgen (LVS);
 * {@code qflow-tech-osu018} holds the osu018 LEF, liberty, SPICE and magic files.
 */
public final class QflowTools {
    /** The technology qflow is run with, and where Debian installs its files. */
    public static final String TECH = "osu018";
    public static final Path TECH_DIR = Path.of("/usr/share/qflow/tech", TECH);
    /** Debian packages the flow needs ({@code netgen} is an unrelated mesh generator; LVS is {@code netgen-lvs}). */
    public static final List<ExternalTool> TOOLS = List.of(ExternalTool.QFLOW, ExternalTool.GRAYWOLF,
            ExternalTool.QROUTER, ExternalTool.MAGIC, ExternalTool.NETGEN_LVS, ExternalTool.YOSYS);
    private static final String TECH_PACKAGE = "qflow-tech-osu018";
    private static final Pattern VERSION = Pattern.compile("Qflow version (\\d+)\\.(\\d+) revision (\\d+)");

    private QflowTools() {
    }

    /** The Debian packages that are missing (empty when the flow can run). */
    public static List<String> missingPackages() {
        Set<String> missing = new LinkedHashSet<>();
        for (ExternalTool t : TOOLS) {
            if (!t.isAvailable()) {
                missing.add(t.aptPackage());
            }
        }
        if (!Files.isRegularFile(TECH_DIR.resolve(TECH + ".sh")) || !Files.isRegularFile(liberty())
                || !Files.isRegularFile(lef())) {
            missing.add(TECH_PACKAGE);
        }
        return new ArrayList<>(missing);
    }

    /** Fails with exit code 4 naming every missing package. */
    public static void require() {
        List<String> missing = missingPackages();
        if (!missing.isEmpty()) {
            throw new MaxdnnException(MaxdnnException.MISSING_TOOL, "the layout flow needs the Debian package(s) "
                    + String.join(", ", missing) + ": install them with 'apt-get install " + String.join(" ", missing)
                    + "' (or run 'make setup')");
        }
    }

    /** The technology's LEF (layers, vias, standard cells). */
    public static Path lef() {
        return TECH_DIR.resolve(TECH + "_stdcells.lef");
    }

    /** The liberty the technology's qflow flow maps to. */
    public static Path liberty() {
        return TECH_DIR.resolve(TECH + "_stdcells.lib");
    }

    /** qflow's version, e.g. "1.3.17", from {@code qflow -v}. */
    public static String version() {
        String out = ExternalTool.QFLOW.run(Path.of(System.getProperty("java.io.tmpdir")), 60, "-v").output();
        return parseVersion(out);
    }

    static String parseVersion(String text) {
        Matcher m = VERSION.matcher(text);
        if (!m.find()) {
            throw MaxdnnException.badInput("cannot read qflow's version from: " + ExternalTool.tail(text, 3));
        }
        return m.group(1) + "." + m.group(2) + "." + m.group(3);
    }
}
