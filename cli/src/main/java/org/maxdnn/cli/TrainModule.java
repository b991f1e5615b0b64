package org.maxdnn.cli;

import org.maxdnn.flow.Trainer;

/**
 * The optional training module ({@code train/target}: {@code maxdnn-train.jar}, DJL and the PyTorch
 * CPU engine in {@code lib/}, about 112 MB), loaded only by {@code finetune}. The engine runs offline:
 * its native libraries come from the {@code pytorch-native-cpu} jar in {@code lib/} and are unpacked
 * into {@code train/target/djl-cache} (unless {@code DJL_CACHE_DIR} says otherwise), never downloaded.
 */
final class TrainModule {
    /** Overrides where the module is looked for. */
    static final String DIR_PROPERTY = "maxdnn.train.dir";
    private static final OptionalModule MODULE = new OptionalModule("the training module (DJL + PyTorch)", "train",
            "maxdnn-train.jar", DIR_PROPERTY);

    private TrainModule() {
    }

    /**
     * The trainer, its engine computing on {@code threads} threads (PyTorch's intra-op threads; one
     * inter-op thread). On a shared machine one thread is several times faster than two that wait on
     * each other while other processes hold the cores (measured 5.0 s against 68.5 s for the same ten
     * steps under a load of 25 on 2 cores).
     */
    static Trainer trainer(int threads) {
        if (!MODULE.present()) {
            throw MODULE.missing(MODULE.dir().resolve("maxdnn-train.jar") + " is not there");
        }
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        // DJL logs through SLF4J, which has no binding here and would say so on stderr at every start
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        System.setProperty("ai.djl.pytorch.num_threads", String.valueOf(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", MODULE.dir().resolve("djl-cache").toString());
        }
        return (Trainer) MODULE.call("org.maxdnn.train.DjlTrainer", "create", new Class<?>[0]);
    }
}
