package org.maxdnn.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.maxdnn.MaxdnnException;
import org.maxdnn.data.LabeledImage;
import org.maxdnn.task.Task;
import org.maxdnn.explore.AccuracyOracle;
import org.maxdnn.infer.Network;
import org.maxdnn.infer.Rounding;
import org.maxdnn.io.ScratchFolders;
import org.maxdnn.mult.MultiplierRegistry;

/**
 * What every executor needs to score maps, broadcast once per exploration: the model file's bytes,
 * its rounding, the data set and the multiplier tables of the asset folder. An executor writes the
 * files into its scratch folder and builds its own {@link AccuracyOracle} from them, so workers need
 * no copy of the assets.
 */
final class Shipment implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Tells explorations apart in an executor JVM that outlives one (broadcast ids restart per context). */
    final String id = UUID.randomUUID().toString();
    private final String modelName;
    private final byte[] model;
    private final String rounding;
    private final List<LabeledImage> inputs;
    private final Task task;
    private final Map<String, byte[]> tables;

    private Shipment(String modelName, byte[] model, String rounding, List<LabeledImage> inputs, Task task,
                     Map<String, byte[]> tables) {
        this.modelName = modelName;
        this.model = model;
        this.rounding = rounding;
        this.inputs = new ArrayList<>(inputs);
        this.task = task;
        this.tables = tables;
    }

    /** The oracle's model file, images and table folder (every {@code .bin} in it), read on the driver. */
    static Shipment of(AccuracyOracle oracle) {
        Network net = oracle.network();
        Path file = net.model().file();
        Map<String, byte[]> tables = new LinkedHashMap<>();
        Path lutDir = oracle.registry().lutDir();
        try {
            if (lutDir != null && Files.isDirectory(lutDir)) {
                try (Stream<Path> s = Files.list(lutDir)) {
                    for (Path t : s.filter(p -> p.toString().endsWith(".bin")).sorted().toList()) {
                        tables.put(t.getFileName().toString(), Files.readAllBytes(t));
                    }
                }
            }
            return new Shipment(file.getFileName().toString(), Files.readAllBytes(file), net.rounding().name(),
                    oracle.images(), oracle.task(), tables);
        } catch (IOException e) {
            throw MaxdnnException.badInput("cannot read " + file + " or the tables in " + lutDir + " to ship to Spark: "
                    + e.getMessage(), e);
        }
    }

    int tableCount() {
        return tables.size();
    }

    /** The folder an executor writes this shipment into under {@code scratch}. */
    Path folder(Path scratch) {
        return scratch.resolve("maxdnn-" + id);
    }

    /**
     * The oracle on this executor: the files written under {@code scratch}, then loaded as the driver
     * loaded them. A scratch folder that cannot be written is a clear error naming the host and folder.
     * The folder is removed by {@link #delete}, or when the executor's JVM exits (Ctrl-C and SIGTERM
     * included); the tables are read when a map first names them, so they stay until then.
     */
    AccuracyOracle oracle(Path scratch, int threads) {
        Path dir = folder(scratch);
        try {
            ScratchFolders.make(dir);
            Files.createDirectories(dir.resolve("lut"));
            Path modelFile = Files.write(dir.resolve(modelName), model);
            for (Map.Entry<String, byte[]> t : tables.entrySet()) {
                Files.write(dir.resolve("lut").resolve(t.getKey()), t.getValue());
            }
            Network net = Network.load(modelFile, Rounding.valueOf(rounding));
            return new AccuracyOracle(net, inputs, task, new MultiplierRegistry(dir.resolve("lut")), threads);
        } catch (IOException | UncheckedIOException e) {
            throw MaxdnnException.badInput("Spark executor on " + host() + " cannot write the model and tables into "
                    + dir + " (set spark.maxdnn.scratch to a writable folder): " + e, e);
        }
    }

    /** Removes what {@link #oracle} wrote under {@code scratch} (nothing when it wrote nothing there). */
    void delete(Path scratch) {
        ScratchFolders.remove(folder(scratch));
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "an unknown host";
        }
    }
}
