package org.hessianscope.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sweep --spark local[2]} gives the local runner's results, byte for byte, and resumes from the store. */
class LocalModeSweepTest {
    @TempDir
    Path tmp;

    @Test
    void localTwoGivesTheLocalRunnersRunsAndSummaryAndReusesThemWhenRunAgain() throws Exception {
        Path file = TinySparkSweep.write(tmp);
        Path empty = Files.createDirectories(tmp.resolve("no-data"));
        TinySparkSweep.Run local = TinySparkSweep.sweep(file, tmp.resolve("store-local"), tmp.resolve("out-local"),
                empty);
        assertEquals(0, local.exit(), local.out());
        System.setProperty("spark.ui.enabled", "false");
        try {
            TinySparkSweep.Run spark = TinySparkSweep.sweep(file, tmp.resolve("store-spark"),
                    tmp.resolve("out-spark"), empty, "--spark", "local[2]");
            assertEquals(0, spark.exit(), spark.out());
            assertTrue(spark.out().contains("on Spark local[2]"), spark.out());
            assertTrue(spark.out().contains("4 point(s), 0 reused"), spark.out());
            TinySparkSweep.assertSameRuns(tmp.resolve("store-local"), tmp.resolve("store-spark"));
            TinySparkSweep.assertSameResults(tmp.resolve("out-local"), tmp.resolve("store-local"),
                    tmp.resolve("out-spark"), tmp.resolve("store-spark"));

            // Run again on Spark: every point is found in the store and nothing is trained.
            TinySparkSweep.Run again = TinySparkSweep.sweep(file, tmp.resolve("store-spark"),
                    tmp.resolve("out-again"), empty, "--spark", "local[2]");
            assertEquals(0, again.exit(), again.out());
            assertTrue(again.out().contains("4 point(s), 4 reused"), again.out());
        } finally {
            System.clearProperty("spark.ui.enabled");
        }
    }
}
