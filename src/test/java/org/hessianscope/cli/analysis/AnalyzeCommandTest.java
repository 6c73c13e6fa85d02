package org.hessianscope.cli.analysis;

import org.hessianscope.cli.model.TrainCommandsTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.hessianscope.analysis.AnalysisResult;
import org.hessianscope.analysis.AnalysisStore;
import org.hessianscope.run.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class AnalyzeCommandTest {
    @TempDir
    Path tmp;

    @Test
    void analyzeWritesTheAnalysisTheGuiOpens() throws Exception {
        Path run = tmp.resolve("run");
        assertEquals(0, TrainCommandsTest.cli("train", "--layers", "1", "--channels", "2", "--kernel", "5",
                "--train-size", "120", "--epochs", "1", "--out", run.toString()).code());
        TrainCommandsTest.Result r = TrainCommandsTest.cli("analyze", "--run", run.toString(), "--orderings", "20",
                "--threads", "1", "--curvature-samples", "40", "--lanczos-steps", "10", "--per-sample-full", "2");
        assertEquals(0, r.code(), r.err());
        AnalysisResult a = AnalysisStore.read(run).orElseThrow();
        assertEquals(120, a.n());
        assertEquals(20, a.lossDifference().orderings());
        assertEquals(40, a.curvature().samples());
        assertEquals(40, a.curvature().perSampleGgn().ggnNorm().length);
        // The accuracy printed is the one train evaluated separately with Engine.lossAndAccuracy.
        double trainAccuracy = RunFolder.readInfo(run).train().accuracy();
        assertTrue(r.out().contains(String.format(Locale.ROOT, "accuracy %.4f", trainAccuracy)), r.out());
    }

    @Test
    void aMissingRunFolderIsNamed() {
        Path missing = tmp.resolve("no-such-run");
        TrainCommandsTest.Result r = TrainCommandsTest.cli("analyze", "--run", missing.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(missing.toString()), r.err());
        assertTrue(!Files.exists(missing.resolve(AnalysisStore.FILE)));
    }
}
