package org.hessianscope.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.hessianscope.data.Dataset;
import org.hessianscope.data.DatasetCatalog;
import org.hessianscope.data.DatasetName;
import org.hessianscope.data.Split;
import org.hessianscope.run.RunInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sample model trained on all 60,000 MNIST records, opened where only the embedded 10,000 are found (issue 17, defect 1). */
class RunTrainingSetTest {
    @TempDir
    Path tmp;

    private static RunInfo trainedOn(int n) {
        return new RunInfo("completed", "", 1, null, new RunInfo.DataUsed("mnist", n, 10000, "full"), null, null,
                null, null, null);
    }

    @Test
    void theEmbeddedSubsetGivesTheFirstRecordsOfARunTrainedOnTheFullSet() throws IOException {
        DatasetCatalog embedded = TinyRuns.embedded(tmp.resolve("no-data"));
        Path run = tmp.resolve("run");
        Dataset available = RunTrainingSet.loadAvailable(run, trainedOn(60000), embedded);
        assertEquals(10000, available.size());
        Dataset file = embedded.load(DatasetName.MNIST, Split.TRAIN);
        for (int i : new int[] {0, 255, 9999}) {
            assertArrayEquals(file.rawImage(i), available.rawImage(i), "record " + i);
            assertEquals(file.label(i), available.label(i));
        }
        // MNIST's first training digit is a 5 (the publishers' file order).
        assertEquals(5, available.label(0));
        IOException whole = assertThrows(IOException.class, () -> RunTrainingSet.load(run, trainedOn(60000), embedded));
        assertTrue(whole.getMessage().contains("only 10000 are available"), whole.getMessage());
    }

    /** A landscape slice of a run trained on all 60,000 needs only its first samples: the embedded copy serves. */
    @Test
    void theFirstRecordsOfASliceComeFromTheEmbeddedSubsetWhenItHoldsThem() throws IOException {
        DatasetCatalog embedded = TinyRuns.embedded(tmp.resolve("no-data"));
        Path run = tmp.resolve("run");
        Dataset file = embedded.load(DatasetName.MNIST, Split.TRAIN);
        Dataset first = RunTrainingSet.loadFirst(run, trainedOn(60000), embedded, 1000);
        assertEquals(1000, first.size());
        for (int i : new int[] {0, 500, 999}) {
            assertArrayEquals(file.rawImage(i), first.rawImage(i), "record " + i);
            assertEquals(file.label(i), first.label(i));
        }
        assertEquals(120, RunTrainingSet.loadFirst(run, trainedOn(120), embedded, 1000).size(),
                "a run trained on fewer records than asked for gives all of them");
        IOException more = assertThrows(IOException.class,
                () -> RunTrainingSet.loadFirst(run, trainedOn(60000), embedded, 20000));
        assertTrue(more.getMessage().contains("needs the first 20000 training records of mnist but only 10000 are available"),
                more.getMessage());
    }

    @Test
    void aRunTrainedOnFewerRecordsGetsExactlyThose() throws IOException {
        Dataset available = RunTrainingSet.loadAvailable(tmp, trainedOn(120), TinyRuns.embedded(tmp.resolve("no-data")));
        assertEquals(120, available.size());
    }
}
