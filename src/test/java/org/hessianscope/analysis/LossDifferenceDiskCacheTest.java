package org.hessianscope.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.hessianscope.io.Npy;
import org.hessianscope.io.NpyArray;
import org.hessianscope.landscape.LossDifferenceResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second start reads a reopened run's loss-difference curves from the user's cache folder instead
 * of running the orderings again, and gets exactly the numbers the recomputation gives; a damaged
 * or stale cache file is recomputed and rewritten, never an error (issue 17, defect 21).
 */
class LossDifferenceDiskCacheTest {
    private static final Path SAMPLE = Path.of("sample-models/mnist-layers/runs/mnist-L2-C6-k3-s0-c995d300bb82");

    @Test
    void secondReadComesFromTheCacheWithIdenticalValuesAndDamageIsRecomputed(@TempDir Path tmp) throws IOException {
        Path run = Files.createDirectory(tmp.resolve("run"));
        for (String f : new String[] {AnalysisStore.FILE, AnalysisStore.LOSSES, "spec.json"}) {
            Files.copy(SAMPLE.resolve(f), run.resolve(f));
        }
        AnalysisResult recomputed = AnalysisStore.read(run).orElseThrow();
        LossDifferenceResult expected = recomputed.lossDifference();

        LossDifferenceDiskCache cache = new LossDifferenceDiskCache(tmp.resolve("cache"));
        AnalysisResult first = AnalysisStore.read(run, cache).orElseThrow();
        assertEquals(1, cache.computations(), "an empty cache computes");
        Path file = cache.file(recomputed.losses(), recomputed.options().lossDifference());
        assertTrue(Files.isRegularFile(file), "written to the cache folder: " + file);

        // A second start: a new cache object on the same folder, as a new process would have.
        LossDifferenceDiskCache again = new LossDifferenceDiskCache(tmp.resolve("cache"));
        AnalysisResult second = AnalysisStore.read(run, again).orElseThrow();
        assertEquals(0, again.computations(), "the second start reads the cache file");
        for (AnalysisResult r : new AnalysisResult[] {first, second}) {
            LossDifferenceResult d = r.lossDifference();
            assertEquals(expected, d, "every array equal bit for bit");
            assertArrayEquals(expected.meanAbs(), d.meanAbs());
            assertArrayEquals(expected.exactMeanSq(), d.exactMeanSq());
            assertEquals(Double.doubleToRawLongBits(expected.exactMeanAbsLast()), Double.doubleToRawLongBits(d.exactMeanAbsLast()));
            assertArrayEquals(recomputed.smoothed(), r.smoothed(), "smoothing follows");
        }

        byte[] sound = Files.readAllBytes(file);
        byte[] flipped = sound.clone();
        flipped[sound.length / 2] ^= 0x10;
        byte[][] damaged = {flipped, Arrays.copyOf(sound, sound.length - 100), "not a cache file".getBytes(), new byte[0]};
        for (byte[] bad : damaged) {
            Files.write(file, bad);
            LossDifferenceDiskCache c = new LossDifferenceDiskCache(tmp.resolve("cache"));
            assertEquals(expected, AnalysisStore.read(run, c).orElseThrow().lossDifference());
            assertEquals(1, c.computations(), "a damaged file (" + bad.length + " bytes) is recomputed");
            assertArrayEquals(sound, Files.readAllBytes(file), "and rewritten");
        }

        // Changed losses (one value, same size): another key, so the stale file is never used.
        double[] losses = recomputed.losses().clone();
        losses[7] += 1e-3;
        Files.write(run.resolve(AnalysisStore.LOSSES), Npy.toBytes(NpyArray.of(new int[] {losses.length}, losses)));
        LossDifferenceDiskCache c = new LossDifferenceDiskCache(tmp.resolve("cache"));
        LossDifferenceResult changed = AnalysisStore.read(run, c).orElseThrow().lossDifference();
        assertEquals(1, c.computations(), "changed losses are recomputed");
        assertNotEquals(expected, changed);
        assertEquals(AnalysisStore.read(run).orElseThrow().lossDifference(), changed);
    }

    @Test
    void aFolderThatCannotBeWrittenOnlyMeansRecomputing(@TempDir Path tmp) throws IOException {
        Path run = Files.createDirectory(tmp.resolve("run"));
        for (String f : new String[] {AnalysisStore.FILE, AnalysisStore.LOSSES, "spec.json"}) {
            Files.copy(SAMPLE.resolve(f), run.resolve(f));
        }
        Path notAFolder = Files.writeString(tmp.resolve("cache"), "a file where the folder should be");
        LossDifferenceDiskCache cache = new LossDifferenceDiskCache(notAFolder);
        assertEquals(AnalysisStore.read(run).orElseThrow().lossDifference(),
                AnalysisStore.read(run, cache).orElseThrow().lossDifference());
        assertEquals(1, cache.computations());
    }
}
