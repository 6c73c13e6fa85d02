package org.hessianscope.cli.analysis;

import org.hessianscope.cli.HessianScopeCli;
import org.hessianscope.cli.TinyCurvatureModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.InputShape;
import org.hessianscope.arch.SpecJson;
import org.hessianscope.curvature.HessianAnalysis;
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

/** The hessian command on the embedded MNIST subset and a small net, against the same analysis called directly. */
public class HessianCommandTest {
    @TempDir
    Path tmp;

    private static final ArchitectureSpec SPEC = TinyCurvatureModel.SPEC;

    private static double[] theta() {
        return TinyCurvatureModel.theta(SPEC, 3);
    }

    @Test
    void writesTheIssuesJsonKeysWithTheAnalysisValues() throws Exception {
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
        HessianAnalysis.Result direct;
        try (Engine engine = new Engine(1)) {
            direct = HessianAnalysis.run(engine, model, samples, new HessianAnalysis.Options(2, 12, 3, true, true, 2, 20, 5),
                    ProgressMonitor.NONE, HessianAnalysis.Listener.NONE);
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
        for (String key : new String[] {"ggnNorm", "ggnNormWeightsOnly"}) {
            for (String stat : new String[] {"max", "argmax", "median", "p95"}) {
                assertTrue(j.at("/perSample/" + key + "/" + stat).isNumber(), key + "." + stat);
            }
        }
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
        assertEquals(ps.ggnSummary().max(), j.at("/perSample/ggnNorm/max").asDouble(), 0);
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
    }
}
