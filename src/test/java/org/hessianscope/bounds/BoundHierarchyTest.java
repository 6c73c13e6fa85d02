package org.hessianscope.bounds;

import com.fasterxml.jackson.databind.JsonNode;
import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.ConvLayerSpec;
import org.hessianscope.arch.HeadSpec;
import org.hessianscope.arch.InputShape;
import org.hessianscope.arch.PoolSpec;
import org.hessianscope.arch.PoolType;
import org.hessianscope.data.InMemorySamples;
import org.hessianscope.task.ProgressMonitor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoundHierarchyTest {

    @Test
    void hierarchyOfTheHeadCounterexampleReportsTheFailure() {
        // The case worked out in BoundsHoldPropertyTest: Theorem 2 = √2·0.02, Lemma 2 = √2·400, measured 41.9995.
        ArchitectureSpec spec = BoundsHoldPropertyTest.HEAD_COUNTEREXAMPLE;
        double[] theta = BoundsHoldPropertyTest.headCounterexampleTheta();
        double[][] xs = {{1}, {0.5}};
        var samples = new InMemorySamples(spec.input(), 2, xs, new int[] {0, 1});
        double[] measured = {ReferenceGgn.ggnNormWeightsOnly(spec, theta, xs[0]), ReferenceGgn.ggnNormWeightsOnly(spec, theta, xs[1])};
        BoundHierarchy h = BoundHierarchy.of(spec, theta, samples, measured, ProgressMonitor.NONE);
        assertEquals(0, h.measuredArgmax());
        assertEquals("theorem2", h.paper().name());
        assertEquals(-3.1717, h.loosenessTheorem2(), 1e-4);
        assertEquals(1.1293, h.loosenessLemma2Actual(), 1e-4);
        assertTrue(h.caveats().stream().anyMatch(s -> s.startsWith("theorem2 does NOT hold here: it is 3.17 orders")),
                h.caveats().toString());
        assertTrue(h.caveats().stream().anyMatch(s -> s.startsWith("the last layer's norm 14.14 exceeds")),
                h.caveats().toString());

        JsonNode json = BoundsJson.toJson(h);
        assertEquals(Math.log10(Math.sqrt(2) * 0.02), json.at("/theorem2/log10").asDouble(), 1e-12);
        assertEquals(Math.log10(Math.sqrt(2) * 400), json.at("/lemma2Actual/log10").asDouble(), 1e-9);
        assertEquals(measured[0], json.at("/measured/ggnNormWeightsOnly/max").asDouble(), 0.0);
        assertEquals(h.loosenessTheorem2(), json.at("/looseness/theorem2").asDouble(), 0.0);
        // √2·0.02 against √2·400: log10(0.02 / 400) = −4.3010
        assertEquals(-4.3010, json.at("/looseness/paperOverLemma2Actual").asDouble(), 1e-4);
        assertEquals(Math.sqrt(200), json.at("/layers/fc1/toeplitzNorm").asDouble(), 1e-9);
        assertEquals(0.1, json.at("/layers/conv1/toeplitzNorm").asDouble(), 1e-12);
        assertEquals(1, json.at("/layers/conv1/qNorm").asDouble(), 1e-12);
        assertEquals(10, json.at("/layers/fc1/maxAbsWeight").asDouble(), 0.0);
        assertEquals(1, json.at("/layers/fc1/inputMap/channels").asInt());
        assertEquals(2, json.at("/layers/fc1/outputMap/channels").asInt());
        assertEquals(1, json.at("/conventions/L").asInt());
        assertEquals(0.1, json.at("/conventions/w").asDouble(), 0.0);
        assertTrue(json.at("/lemma3").isMissingNode());
        assertTrue(json.at("/lemma4").isMissingNode());
    }

    @Test
    void poolAndHiddenHeadAddLemma3AndLemma4() {
        ArchitectureSpec spec = new ArchitectureSpec(new InputShape(1, 6, 6),
                List.of(new ConvLayerSpec(2, 3), new ConvLayerSpec(2, 1)), false, new PoolSpec(PoolType.AVG, 2, 1),
                new HeadSpec(List.of(3)), 3);
        SplittableRandom rnd = new SplittableRandom(31);
        double[] theta = BoundsHoldPropertyTest.randomTheta(spec, rnd, 1, false);
        double[][] xs = {ToeplitzOperatorTest.random(rnd, 36), ToeplitzOperatorTest.random(rnd, 36)};
        var samples = new InMemorySamples(spec.input(), 3, xs, new int[] {0, 2});
        double[] measured = {ReferenceGgn.ggnNormWeightsOnly(spec, theta, xs[0]), ReferenceGgn.ggnNormWeightsOnly(spec, theta, xs[1])};
        BoundHierarchy h = BoundHierarchy.of(spec, theta, samples, measured, ProgressMonitor.NONE);
        BoundConventions c = h.conventions();
        assertEquals(PaperBounds.lemma4(c), h.paper());
        assertEquals(PaperBounds.lemma3(c), h.lemma3());
        assertEquals(List.of("conv1", "conv2", "fc1", "fc2"), h.layers().stream().map(LayerNorm::layer).toList());
        assertTrue(h.loosenessPaper() > 0 && h.loosenessLemma2Actual() > 0);
        assertTrue(h.loosenessLemma2Actual() < h.loosenessPaper(), "the true norms give the tighter bound");
        assertTrue(h.caveats().isEmpty(), h.caveats().toString());
        JsonNode json = BoundsJson.toJson(h);
        assertEquals(h.lemma3().log10(), json.at("/lemma3/log10").asDouble(), 0.0);
        assertEquals(h.lemma4().log10(), json.at("/lemma4/log10").asDouble(), 0.0);
        assertEquals("lemma4", json.at("/paper/name").asText());
        assertFalse(json.at("/layers/conv2/converged").isMissingNode());
    }

    @Test
    void measuredNormsMustMatchTheSamples() {
        ArchitectureSpec spec = new ArchitectureSpec(new InputShape(1, 2, 2), List.of(new ConvLayerSpec(1, 1)), false,
                null, HeadSpec.LINEAR, 2);
        var samples = new InMemorySamples(spec.input(), 2, new double[][] {new double[4]}, new int[] {0});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BoundHierarchy.of(spec,
                new double[spec.parameterCount()], samples, new double[3], ProgressMonitor.NONE));
        assertEquals("3 measured norms for 1 samples", e.getMessage());
    }
}
