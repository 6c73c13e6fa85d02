package org.hessianscope.cli.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hessianscope.cli.model.TrainCommandsTest;
import org.hessianscope.run.RunFolder;
import org.hessianscope.surface.DeltaJson;
import org.hessianscope.surface.DeltaResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** train --checkpoints, delta and figure delta from the command line, on one tiny run. */
class DeltaCommandTest {
    @TempDir
    static Path tmp;
    static Path run;

    @BeforeAll
    static void train() {
        run = tmp.resolve("run");
        TrainCommandsTest.Result r = TrainCommandsTest.cli("train", "--layers", "1", "--channels", "2", "--kernel", "5",
                "--train-size", "120", "--epochs", "2", "--checkpoints", "1", "--out", run.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("checkpoints: 4 (1) in checkpoints.npy"), r.out());
    }

    @Test
    void trainKeepsTheCheckpointsAskedForAndRefusesABadScheduleInOneLine() throws Exception {
        assertEquals(4, RunFolder.read(run).checkpoints().size(), "120 samples in batches of 64: 2 steps an epoch");
        TrainCommandsTest.Result bad = TrainCommandsTest.cli("train", "--layers", "1", "--channels", "2", "--kernel",
                "5", "--train-size", "120", "--checkpoints", "often", "--out", tmp.resolve("bad").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().lines().findFirst().orElse("").contains("give epoch"), bad.err());
        assertTrue(Files.notExists(tmp.resolve("bad")));
    }

    @Test
    void deltaWritesItsResultAndFigureDeltaDrawsIt() throws Exception {
        Path json = tmp.resolve("d.json");
        TrainCommandsTest.Result r = TrainCommandsTest.cli("delta", "--run", run.toString(), "--train-size", "120",
                "--samples", "40", "--sigma", "1e-2,1e-1", "--draws", "4", "--subspace", "3", "--k-points", "5",
                "--threads", "1", "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        DeltaResult d = DeltaJson.read(json);
        assertEquals(40, d.samples());
        assertEquals(5, d.k().length);
        assertEquals(2, d.mean().length);
        assertNotNull(d.quadratic());
        assertTrue(r.out().contains("σ = 0.100 ‖θ̂‖/√P"), r.out());
        Path png = tmp.resolve("d.png");
        Path csv = tmp.resolve("d.csv");
        TrainCommandsTest.Result f = TrainCommandsTest.cli("figure", "delta", "--json", json.toString(), "--out",
                png.toString(), "--csv", csv.toString());
        assertEquals(0, f.code(), f.err());
        assertTrue(Files.size(png) > 1000);
        String header = Files.readAllLines(csv).get(0);
        assertTrue(header.contains("Monte Carlo, σ = 0.0100") && header.contains("quadratic model, σ = 0.100"), header);
    }

    @Test
    void inTheFullSpaceOfALargeNetTheEstimatedPredictionCarriesItsStandardErrorToTheJsonOutputAndFigure()
            throws Exception {
        Path json = tmp.resolve("full.json");
        TrainCommandsTest.Result r = TrainCommandsTest.cli("delta", "--run", run.toString(), "--train-size", "120",
                "--samples", "20", "--sigma", "1e-1", "--draws", "3", "--subspace", "0", "--probes", "4",
                "--k-points", "4", "--threads", "1", "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        DeltaResult d = DeltaJson.read(json);
        assertTrue(d.parameterCount() > org.hessianscope.surface.DeltaMonteCarlo.EXACT_FULL_MAX);
        assertEquals(4, d.options().probes());
        assertNotNull(d.quadratic());
        assertNotNull(d.quadraticStandardError());
        assertTrue(d.quadraticStandardError()[0][0] > 0);
        assertTrue(r.out().contains("Hutchinson with 4 Rademacher probes") && r.out().matches("(?s).*quadratic [^)]+ ± .*"),
                r.out());
        Path csv = tmp.resolve("full.csv");
        TrainCommandsTest.Result f = TrainCommandsTest.cli("figure", "delta", "--json", json.toString(), "--out",
                tmp.resolve("full.png").toString(), "--csv", csv.toString());
        assertEquals(0, f.code(), f.err());
        String header = Files.readAllLines(csv).get(0);
        assertTrue(header.contains("quadratic model ± 2 s.e., σ = 0.100 ‖θ̂‖/√P low"), header);
        TrainCommandsTest.Result bad = TrainCommandsTest.cli("delta", "--run", run.toString(), "--train-size", "120",
                "--probes", "0", "--json", tmp.resolve("y.json").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().startsWith("error: --probes = 0"), bad.err());
    }

    @Test
    void badDeltaSettingsAndTrajectoryWithoutCheckpointsAreOneLineWithStatus2() throws Exception {
        TrainCommandsTest.Result r = TrainCommandsTest.cli("delta", "--run", run.toString(), "--train-size", "120",
                "--draws", "1", "--json", tmp.resolve("x.json").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: --draws = 1"), r.err());
        Path plain = tmp.resolve("plain");
        assertEquals(0, TrainCommandsTest.cli("train", "--layers", "1", "--channels", "2", "--kernel", "5",
                "--train-size", "120", "--checkpoints", "none", "--out", plain.toString()).code());
        TrainCommandsTest.Result t = TrainCommandsTest.cli("surface", "--run", plain.toString(),
                "--directions", "trajectory", "--grid", "3", "--samples", "10", "--json", tmp.resolve("s.json").toString());
        assertEquals(2, t.code(), t.err());
        assertEquals(1, t.err().strip().lines().count(), t.err());
        assertTrue(t.err().contains("kept no checkpoints") && t.err().contains("--checkpoints epoch"), t.err());
    }
}
