package org.hessianscope.cli.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hessianscope.analysis.Analyses;
import org.hessianscope.analysis.AnalysisStore;
import org.hessianscope.cli.model.TrainCommandsTest;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.Model;
import org.hessianscope.engine.Network;
import org.hessianscope.io.Npy;
import org.hessianscope.io.NpyArray;
import org.hessianscope.run.RunFolder;
import org.hessianscope.run.TrainedRun;
import org.hessianscope.surface.SurfaceJson;
import org.hessianscope.surface.SurfaceResult;
import org.hessianscope.task.ProgressMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code surface}, {@code analyze --surface} and {@code figure surface} on one tiny trained run. */
class SurfaceCommandTest {
    @TempDir
    static Path tmp;
    static Path run;

    @BeforeAll
    static void train() {
        run = tmp.resolve("run");
        assertEquals(0, TrainCommandsTest.cli("train", "--layers", "1", "--channels", "2", "--kernel", "5",
                "--train-size", "60", "--epochs", "1", "--out", run.toString()).code());
    }

    @Test
    void theInterpolationLineStartsAtTheInitialWeights() throws IOException {
        Path json = tmp.resolve("line.json");
        TrainCommandsTest.Result r = TrainCommandsTest.cli("surface", "--run", run.toString(), "--directions",
                "interpolation", "--dims", "1", "--grid", "5", "--samples", "40", "--k", "10,all", "--threads", "1",
                "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        SurfaceResult s = SurfaceJson.read(json);
        assertArrayEquals(new int[] {10, 40}, s.k());
        assertEquals(5, s.rows());
        // α = −1 is θ₀: the loss of the run's init.npz on the first 40 training samples.
        TrainedRun t = RunFolder.read(run);
        try (Engine e = new Engine(1)) {
            double[] l = e.perSampleLosses(new Model(Network.of(t.spec()), t.init()),
                    org.hessianscope.analysis.RunTrainingSet.load(run, t.info(),
                            new org.hessianscope.data.DatasetCatalog(org.hessianscope.data.DataLocations.ofSystem(null)))
                            .first(40), ProgressMonitor.NONE);
            double mean = 0;
            for (double v : l) {
                mean += v;
            }
            assertEquals(mean / 40, s.loss()[1][0][0], 1e-9);
        }
        assertTrue(r.out().contains("L_40"), r.out());

        for (String ext : new String[] {"png", "svg", "pdf"}) {
            Path out = tmp.resolve("line." + ext);
            TrainCommandsTest.Result f = TrainCommandsTest.cli("figure", "surface", "--json", json.toString(), "--out",
                    out.toString(), "--csv", tmp.resolve("line.csv").toString());
            assertEquals(0, f.code(), f.err());
            assertTrue(Files.size(out) > 1000, ext);
        }
        String csv = Files.readString(tmp.resolve("line.csv"));
        assertTrue(csv.startsWith("alpha,L_10,accuracy_10,quadratic_10,L_40,accuracy_40,quadratic_40,sigma\n"), csv);
        assertEquals(6, csv.lines().count());
    }

    @Test
    void analyzeStoresTheSurfaceAndTheFigureReadsIt() throws IOException {
        Path copy = tmp.resolve("analysed");
        Files.createDirectories(copy);
        try (var files = Files.list(run)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        TrainCommandsTest.Result r = TrainCommandsTest.cli("analyze", "--run", copy.toString(), "--only", "surface",
                "--surface", "random", "--surface-grid", "3", "--surface-samples", "20", "--surface-k", "all");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("surface (random, 3×3, 20 samples)"), r.out());
        SurfaceResult stored = AnalysisStore.read(copy).orElseThrow().get(Analyses.SURFACE);
        assertEquals(9, stored.rows() * stored.columns());
        Path png = tmp.resolve("plane.png");
        TrainCommandsTest.Result f = TrainCommandsTest.cli("figure", "surface", "--run", copy.toString(), "--map",
                "sigma2", "--out", png.toString());
        assertEquals(0, f.code(), f.err());
        TrainCommandsTest.Result none = TrainCommandsTest.cli("figure", "surface", "--run", run.toString(), "--out",
                png.toString());
        assertEquals(2, none.code());
        assertTrue(none.err().contains("holds no surface") || none.err().contains("analysis.json"), none.err());
    }

    @Test
    void aDirectionFileOfAnotherSizeIsRefusedInOneLine() throws IOException {
        Path bad = tmp.resolve("bad.npy");
        Npy.write(NpyArray.of(new int[] {7}, new double[7]), bad);
        TrainCommandsTest.Result r = TrainCommandsTest.cli("surface", "--run", run.toString(), "--directions", "file",
                "--direction-file", bad.toString(), "--dims", "1", "--samples", "10", "--k", "all",
                "--json", tmp.resolve("never.json").toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("--direction-file " + bad + " has 7 values (shape [7])")
                && r.err().contains("parameter count"), r.err());
        assertFalse(Files.exists(tmp.resolve("never.json")));
    }

    @Test
    void aGridAboveTheLimitNeedsForce() {
        TrainCommandsTest.Result r = TrainCommandsTest.cli("surface", "--run", run.toString(), "--grid", "61",
                "--json", tmp.resolve("big.json").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--grid = 61 makes 3721 grid points") && r.err().contains("add --force"), r.err());
        TrainCommandsTest.Result k = TrainCommandsTest.cli("surface", "--run", run.toString(), "--k", "100,many",
                "--json", tmp.resolve("big.json").toString());
        assertEquals(2, k.code());
        assertTrue(k.err().contains("--k has \"many\""), k.err());
    }
}
