package org.hessianscope.cli.figure;

import org.hessianscope.cli.HessianScopeCli;
import org.hessianscope.cli.TinyCurvatureModel;
import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.InputShape;
import org.hessianscope.arch.SpecJson;
import org.hessianscope.bounds.BoundHierarchy;
import org.hessianscope.curvature.Curvature;
import org.hessianscope.curvature.PerSampleGgn;
import org.hessianscope.run.RunFolder;
import org.hessianscope.data.DataLocations;
import org.hessianscope.data.DatasetCatalog;
import org.hessianscope.data.DatasetName;
import org.hessianscope.data.Samples;
import org.hessianscope.data.Split;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.Model;
import org.hessianscope.engine.Network;
import org.hessianscope.io.WeightsFile;
import org.hessianscope.task.ProgressMonitor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** figure spectrum / persample / bounds draw what a direct analysis of the same model computes. */
public class FigureCurvatureCommandTest {
    private static final ArchitectureSpec SPEC = TinyCurvatureModel.SPEC;
    private static final int SAMPLES = 16;

    @TempDir
    Path tmp;
    Path spec;
    Path weights;

    private static double[] theta() {
        return TinyCurvatureModel.theta(SPEC, 3);
    }

    @BeforeEach
    void model() throws Exception {
        spec = tmp.resolve("s.json");
        weights = tmp.resolve("w.npz");
        SpecJson.write(SPEC, spec);
        WeightsFile.write(weights, SPEC, theta());
    }

    private static Curvature.Result direct(Curvature.Options options, double[][] lossesOut) throws Exception {
        Samples samples = new DatasetCatalog(DataLocations.ofSystem(null)).load(DatasetName.MNIST, Split.TRAIN).first(SAMPLES);
        Model model = new Model(Network.of(SPEC), theta());
        try (Engine engine = new Engine(1)) {
            lossesOut[0] = engine.perSampleLosses(model, samples, ProgressMonitor.NONE);
            return Curvature.run(engine, model, samples, options, ProgressMonitor.NONE, Curvature.Listener.NONE);
        }
    }

    private void run(String... args) {
        CommandLine cl = HessianScopeCli.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        assertEquals(0, cl.execute(args), err.toString());
    }

    @Test
    void spectrumStemsAreTheAnalysisRitzValues() throws Exception {
        Path csv = tmp.resolve("spec.csv");
        run("figure", "spectrum", "--spec", spec.toString(), "--weights", weights.toString(), "--samples", "" + SAMPLES,
                "--top", "2", "--lanczos-steps", "12", "--seed", "5", "--no-density",
                "--out", tmp.resolve("spec.svg").toString(), "--csv", csv.toString());
        Curvature.Result r = direct(new Curvature.Options(2, 12, 1, false, false, 0, 0, 5), new double[1][]);
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(","));
        assertEquals("eigenvalue λ", header.get(0));
        int h = header.indexOf("H centre");
        assertTrue(h > 0, header.toString());
        for (double lambda : new double[] {r.hessian().top()[0], r.hessian().top()[1], r.hessian().bottom()[0]}) {
            boolean found = lines.stream().skip(1).map(l -> l.split(",", -1))
                    .anyMatch(c -> Double.parseDouble(c[0]) == lambda && !c[h].isEmpty());
            assertTrue(found, "a stem of H at λ = " + lambda);
        }
        assertTrue(Files.readString(tmp.resolve("spec.svg")).contains("H_O (Gauss-Newton)"));
    }

    @Test
    void perSamplePointsAreEachSamplesLossAndGgnNorm() throws Exception {
        Path csv = tmp.resolve("ps.csv");
        run("figure", "persample", "--spec", spec.toString(), "--weights", weights.toString(), "--samples", "" + SAMPLES,
                "--per-sample-full", "0", "--lanczos-steps", "4", "--out", tmp.resolve("ps.png").toString(),
                "--csv", csv.toString());
        double[][] losses = new double[1][];
        Curvature.Result r = direct(new Curvature.Options(1, 4, 1, false, true, 0, 0, 0), losses);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(SAMPLES + 1, lines.size(), "one row per sample: no two of 16 share a display cell");
        for (int i = 0; i < SAMPLES; i++) {
            double loss = losses[0][i];
            double ggn = r.perSampleGgn().ggnNorm()[i];
            assertTrue(lines.stream().skip(1).map(l -> l.split(",", -1))
                    .anyMatch(c -> Double.parseDouble(c[0]) == loss && Double.parseDouble(c[1]) == ggn), "sample " + i);
        }
    }

    @Test
    void boundsFigureHasEachRunsLevelsAtItsLayerCount() throws Exception {
        ArchitectureSpec deeper = ArchitectureSpec.paper(InputShape.MNIST, 2, 2, 3, null, 10);
        Path runA = tmp.resolve("a");
        Path runB = tmp.resolve("b");
        Files.createDirectories(runA);
        Files.createDirectories(runB);
        SpecJson.write(SPEC, runA.resolve(RunFolder.SPEC));
        WeightsFile.write(runA.resolve(RunFolder.WEIGHTS), SPEC, theta());
        double[] thetaB = TinyCurvatureModel.theta(deeper, 4);
        SpecJson.write(deeper, runB.resolve(RunFolder.SPEC));
        WeightsFile.write(runB.resolve(RunFolder.WEIGHTS), deeper, thetaB);
        Path csv = tmp.resolve("b.csv");
        run("figure", "bounds", "--run", runB + "," + runA, "--samples", "8", "--out", tmp.resolve("b.pdf").toString(),
                "--csv", csv.toString());
        List<String> lines = Files.readAllLines(csv);
        // Keys holding a comma are quoted, as CSV readers expect.
        assertEquals("L (num of layers),paper's bound,\"Lemma 2, true norms\",\"measured max ‖H_O,i‖\"", lines.get(0));
        Samples used = new DatasetCatalog(DataLocations.ofSystem(null)).load(DatasetName.MNIST, Split.TRAIN).first(8);
        try (Engine engine = new Engine(1)) {
            PerSampleGgn.Result m = PerSampleGgn.compute(engine, new Model(Network.of(deeper), thetaB), used,
                    ProgressMonitor.NONE);
            BoundHierarchy h = BoundHierarchy.of(deeper, thetaB, used, m.ggnNormWeightsOnly(), ProgressMonitor.NONE);
            String[] row = lines.get(2).split(",");
            assertEquals(2.0, Double.parseDouble(row[0]), "rows sorted by L: the L = 2 run is second");
            assertEquals(h.paper().log10(), Double.parseDouble(row[1]));
            assertEquals(h.lemma2Actual().log10(), Double.parseDouble(row[2]));
            assertEquals(Math.log10(h.measuredMax()), Double.parseDouble(row[3]));
        }
    }
}
