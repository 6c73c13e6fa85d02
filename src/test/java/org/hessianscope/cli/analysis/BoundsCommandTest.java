package org.hessianscope.cli.analysis;

import org.hessianscope.cli.HessianScopeCli;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.ConvLayerSpec;
import org.hessianscope.arch.HeadSpec;
import org.hessianscope.arch.InputShape;
import org.hessianscope.arch.ParameterLayout;
import org.hessianscope.arch.PoolSpec;
import org.hessianscope.arch.PoolType;
import org.hessianscope.arch.SpecJson;
import org.hessianscope.curvature.PerSampleGgn;
import org.hessianscope.data.DataLocations;
import org.hessianscope.data.Dataset;
import org.hessianscope.data.DatasetCatalog;
import org.hessianscope.data.DatasetName;
import org.hessianscope.data.Split;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.Model;
import org.hessianscope.engine.Network;
import org.hessianscope.io.WeightsFile;
import org.hessianscope.task.ProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class BoundsCommandTest {
    @TempDir
    Path tmp;

    /** MNIST → conv1 (2 channels, 5×5) → 2×24×24 → max pool 4 → 2×6×6 → fc1 to 10 classes. */
    private static final ArchitectureSpec SPEC = new ArchitectureSpec(InputShape.MNIST, List.of(new ConvLayerSpec(2, 5)),
            false, new PoolSpec(PoolType.MAX, 4, 1), HeadSpec.LINEAR, 10);

    private static double[] theta() {
        ParameterLayout layout = SPEC.parameterLayout();
        double[] theta = new double[layout.size()];
        SplittableRandom rnd = new SplittableRandom(3);
        for (ParameterLayout.Tensor t : layout.tensors()) {
            int[] shape = layout.tensor(t.layer() + ".weight").orElseThrow().shape();
            double r = 1 / Math.sqrt(Arrays.stream(shape).skip(1).reduce(1, (a, b) -> a * b));
            for (int i = t.offset(); i < t.offset() + t.size(); i++) {
                theta[i] = rnd.nextDouble(-r, r);
            }
        }
        return theta;
    }

    private int run(String... args) {
        CommandLine cl = HessianScopeCli.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        lastErr = err;
        return cl.execute(args);
    }

    private StringWriter lastErr;

    @Test
    void writesTheHierarchyForSpecAndWeights() throws Exception {
        Path spec = tmp.resolve("spec.json");
        Path weights = tmp.resolve("w.npz");
        Path out = tmp.resolve("bounds.json");
        double[] theta = theta();
        SpecJson.write(SPEC, spec);
        WeightsFile.write(weights, SPEC, theta);
        int exit = run("bounds", "--spec", spec.toString(), "--weights", weights.toString(), "--dataset", "mnist",
                "--samples", "4", "--json", out.toString());
        assertEquals(0, exit, lastErr.toString());
        JsonNode j = new ObjectMapper().readTree(out.toFile());

        // The measured maximum is that of the curvature package on the same first 4 samples.
        Dataset first4 = new DatasetCatalog(DataLocations.ofSystem(null)).load(DatasetName.fromKey("mnist"), Split.TRAIN)
                .first(4);
        double[] perSample;
        try (Engine engine = new Engine(1)) {
            perSample = PerSampleGgn.compute(engine, new Model(Network.of(SPEC), theta), first4, ProgressMonitor.NONE)
                    .ggnNormWeightsOnly();
        }
        double max = Arrays.stream(perSample).max().orElseThrow();
        assertEquals(max, j.at("/measured/ggnNormWeightsOnly/max").asDouble(), 1e-12 * max);
        double theorem2 = j.at("/theorem2/log10").asDouble();
        assertEquals(theorem2 - Math.log10(max), j.at("/looseness/theorem2").asDouble(), 1e-12);
        assertEquals(j.at("/lemma2Actual/log10").asDouble() - Math.log10(max), j.at("/looseness/lemma2Actual").asDouble(),
                1e-12);
        assertTrue(j.at("/lemma3/log10").isNumber(), "a pooled network reports Lemma 3");
        assertTrue(j.at("/lemma4").isMissingNode(), "a linear head has no Lemma 4");
        assertEquals(1, j.at("/conventions/L").asInt());
        assertEquals(2, j.at("/conventions/C").asInt());
        assertEquals(5, j.at("/conventions/k").asInt());
        assertEquals(28, j.at("/conventions/m").asInt());
        assertEquals(4, j.at("/conventions/samples").asInt());
        assertEquals(24, j.at("/layers/conv1/outputMap/height").asInt());
        assertEquals(72, j.at("/layers/fc1/inputMap/channels").asInt() * j.at("/layers/fc1/inputMap/height").asInt()
                * j.at("/layers/fc1/inputMap/width").asInt());
        assertTrue(j.at("/layers/conv1/toeplitzNorm").asDouble() > 0);
        assertTrue(j.at("/layers/conv1/qNorm").asDouble() >= 1);
        assertTrue(j.at("/looseness/lemma2Actual").asDouble() > 0, "Lemma 2 holds on this bias-initialised net");
    }

    @Test
    void tooManySamplesIsAClearError() throws Exception {
        Path spec = tmp.resolve("spec.json");
        Path weights = tmp.resolve("w.npz");
        SpecJson.write(SPEC, spec);
        WeightsFile.write(weights, SPEC, theta());
        int exit = run("bounds", "--spec", spec.toString(), "--weights", weights.toString(), "--dataset", "mnist",
                "--samples", "0", "--json", tmp.resolve("o.json").toString());
        assertEquals(2, exit);
        assertTrue(lastErr.toString().contains("--samples 0 is outside 1.."), lastErr.toString());
    }
}
