package org.hessianscope.cli.analysis;

import org.hessianscope.cli.HessianScopeCli;
import org.hessianscope.cli.TinyCurvatureModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.InputShape;
import org.hessianscope.arch.SpecJson;
import org.hessianscope.curvature.Curvature;
import org.hessianscope.curvature.PerSampleGgn;
import org.hessianscope.data.DataLocations;
import org.hessianscope.data.DatasetCatalog;
import org.hessianscope.data.DatasetName;
import org.hessianscope.data.Samples;
import org.hessianscope.data.Split;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.Model;
import org.hessianscope.engine.Network;
import org.hessianscope.io.Npy;
import org.hessianscope.io.NpyArray;
import org.hessianscope.io.WeightsFile;
import org.hessianscope.task.ProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hessian command on the embedded MNIST subset and a small net: its JSON and per-sample file
 * carry the values of the same analysis called directly on one thread (the wiring, and that the
 * numbers do not depend on the thread count), and the per-sample summaries in the JSON agree with
 * statistics recomputed here from the saved per-sample norms. The values themselves are checked
 * against independent references in the curvature package's tests.
 */
public class CurvatureCommandTest {
    @TempDir
    Path tmp;

    private static final ArchitectureSpec SPEC = TinyCurvatureModel.SPEC;

    private static double[] theta() {
        return TinyCurvatureModel.theta(SPEC, 3);
    }

    @Test
    void jsonAndPerSampleFileCarryTheAnalysisValues() throws Exception {
        Path spec = tmp.resolve("s.json");
        Path weights = tmp.resolve("w.npz");
        SpecJson.write(SPEC, spec);
        WeightsFile.write(weights, SPEC, theta());
        Path json = tmp.resolve("out.json");
        Path npy = tmp.resolve("per.npy");
        StringWriter err = new StringWriter();
        picocli.CommandLine cl = HessianScopeCli.commandLine();
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute("hessian", "--spec", spec.toString(), "--weights", weights.toString(), "--dataset", "mnist",
                "--samples", "16", "--top", "2", "--lanczos-steps", "12", "--trace-probes", "3", "--density",
                "--per-sample-full", "2", "--seed", "5", "--threads", "2", "--json", json.toString(),
                "--save-per-sample", npy.toString());
        assertEquals(0, exit, err.toString());

        Samples samples = new DatasetCatalog(DataLocations.ofSystem(null)).load(DatasetName.MNIST, Split.TRAIN).first(16);
        Model model = new Model(Network.of(SPEC), theta());
        Curvature.Result direct;
        try (Engine engine = new Engine(1)) {
            direct = Curvature.run(engine, model, samples, new Curvature.Options(2, 12, 3, true, true, 2, 20, 5),
                    ProgressMonitor.NONE, Curvature.Listener.NONE);
        }
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertEquals(direct.hessian().top()[0], j.at("/hessian/top/0").asDouble(), 0, "engine results do not depend on threads");
        assertTrue(j.at("/hessian/top/0").asDouble() >= j.at("/hessian/top/1").asDouble());
        assertEquals(direct.hessian().bottom()[0], j.at("/hessian/bottom/0").asDouble(), 0);
        assertEquals(direct.trace().trace(), j.at("/hessian/trace").asDouble(), 0);
        assertEquals(direct.trace().standardError(), j.at("/hessian/traceStderr").asDouble(), 0);
        assertEquals(2, j.at("/hessian/residuals").size());
        assertEquals(direct.ggn().top()[0], j.at("/ggn/top/0").asDouble(), 0);
        assertEquals(direct.residualTop()[0], j.at("/residual/top/0").asDouble(), 0);
        assertEquals(direct.residualOverGgn(), j.at("/ratio/residualOverGgn").asDouble(), 0);
        assertEquals(direct.perSampleFull().maxRatio(), j.at("/perSample/full/max").asDouble(), 0);
        assertEquals(direct.perSampleFull().medianRatio(), j.at("/perSample/full/median").asDouble(), 0);
        assertEquals(1000, j.at("/density/grid").size());
        assertEquals(1000, j.at("/density/values").size());

        NpyArray per = Npy.read(npy);
        assertArrayEquals(new int[] {16, 2}, per.shape());
        PerSampleGgn.Result ps = direct.perSampleGgn();
        for (int i = 0; i < 16; i++) {
            assertEquals(ps.ggnNorm()[i], per.data()[2 * i], 0);
            assertEquals(ps.ggnNormWeightsOnly()[i], per.data()[2 * i + 1], 0);
        }
        // Max, first argmax, and numpy's linear quantiles at (n − 1) q of the sorted column: for n = 16
        // the median is halfway between the 8th and 9th smallest, p95 is 25% of the way from the 15th to the 16th.
        String[] keys = {"ggnNorm", "ggnNormWeightsOnly"};
        for (int c = 0; c < 2; c++) {
            double[] column = new double[16];
            int argmax = 0;
            for (int i = 0; i < 16; i++) {
                column[i] = per.data()[2 * i + c];
                argmax = column[i] > column[argmax] ? i : argmax;
            }
            double[] sorted = column.clone();
            java.util.Arrays.sort(sorted);
            String at = "/perSample/" + keys[c] + "/";
            assertEquals(sorted[15], j.at(at + "max").asDouble(), 0, keys[c]);
            assertEquals(argmax, j.at(at + "argmax").asInt(), keys[c]);
            assertEquals((sorted[7] + sorted[8]) / 2, j.at(at + "median").asDouble(), 1e-15 * sorted[15], keys[c]);
            assertEquals(sorted[14] + 0.25 * (sorted[15] - sorted[14]), j.at(at + "p95").asDouble(),
                    1e-15 * sorted[15], keys[c]);
        }
    }

    @Test
    void zeroSamplesAndMissingWeightsAreClearErrors() throws Exception {
        Path spec = tmp.resolve("s.json");
        SpecJson.write(SPEC, spec);
        StringWriter err = new StringWriter();
        picocli.CommandLine cl = HessianScopeCli.commandLine();
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute("hessian", "--spec", spec.toString(), "--dataset", "mnist", "--json", tmp.resolve("o.json").toString());
        assertEquals(2, exit);
        assertTrue(err.toString().contains("--weights"), err.toString());

        Path weights = tmp.resolve("w.npz");
        WeightsFile.write(weights, SPEC, theta());
        StringWriter err2 = new StringWriter();
        cl = HessianScopeCli.commandLine();
        cl.setErr(new PrintWriter(err2));
        exit = cl.execute("hessian", "--spec", spec.toString(), "--weights", weights.toString(), "--dataset", "mnist",
                "--samples", "0", "--json", tmp.resolve("o.json").toString());
        assertEquals(2, exit);
        assertTrue(err2.toString().contains("--samples is 0"), err2.toString());

        StringWriter err3 = new StringWriter();
        cl = HessianScopeCli.commandLine();
        cl.setErr(new PrintWriter(err3));
        exit = cl.execute("hessian", "--spec", spec.toString(), "--weights", weights.toString(), "--dataset", "mnist",
                "--samples", "4", "--top", "3000", "--lanczos-steps", "3000", "--json", tmp.resolve("o.json").toString());
        assertEquals(2, exit);
        assertTrue(err3.toString().contains("more eigenvalues than the 2942 parameters"), err3.toString());

        StringWriter err4 = new StringWriter();
        cl = HessianScopeCli.commandLine();
        cl.setErr(new PrintWriter(err4));
        exit = cl.execute("hessian", "--spec", spec.toString(), "--weights", weights.toString(), "--dataset", "mnist",
                "--samples", "4", "--top", "6", "--lanczos-steps", "4", "--json", tmp.resolve("o.json").toString());
        assertEquals(2, exit);
        assertTrue(err4.toString().contains("error: --lanczos-steps 4 is fewer than --top 6;"),
                "the core's setting names become the command's flags: " + err4);
    }
}
