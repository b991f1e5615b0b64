package org.maxdnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code finetune}'s checks before any work: without the train module a clear exit 4 that says how to
 * build it; bad inputs exit 2 or 1 naming the option; nothing is written. (The training itself is
 * tested in the train module, where the engine is.)
 */
class FinetuneCommandTest {
    @TempDir
    Path tmp;

    @Test
    void withoutTheModuleItSaysWhatToBuild() {
        System.setProperty(TrainModule.DIR_PROPERTY, tmp.resolve("no-train").toString());
        try {
            MainTest.Outcome o = MainTest.run("finetune", "--epochs", "1", "--out", tmp.resolve("out").toString());
            assertEquals(4, o.code(), o.err());
            assertTrue(o.err().contains("the training module (DJL + PyTorch) is not built")
                    && o.err().contains("mvn -B -pl train -am package"), o.err());
            assertFalse(Files.exists(tmp.resolve("out")));
        } finally {
            System.clearProperty(TrainModule.DIR_PROPERTY);
        }
    }

    @Test
    void badInputsNameTheOption() throws Exception {
        MainTest.Outcome o = MainTest.run("finetune", "--train", tmp.resolve("nothing.zip").toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("--train"), o.err());
        o = MainTest.run("finetune", "--baseline", tmp.resolve("none.tflite").toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("--baseline"), o.err());
        o = MainTest.run("finetune", "--lr", "3");
        assertEquals(1, o.code(), o.err());
        Path map = tmp.resolve("m.json");
        Files.writeString(map, "{\"default\":\"roup-p1r2\"}");
        o = MainTest.run("finetune", "--map", map.toString(), "--front", tmp.toString());
        assertEquals(1, o.code(), o.err());
        o = MainTest.run("finetune", "--front", tmp.toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("pareto.json"), o.err());
    }
}
