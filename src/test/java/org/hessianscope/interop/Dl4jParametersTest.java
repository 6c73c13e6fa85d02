package org.hessianscope.interop;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.ParameterLayout;
import org.hessianscope.arch.Stage;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The θ ↔ DL4J mapping, and the storage layout of DL4J's flat parameter vector that it relies on. */
class Dl4jParametersTest {

    static List<String> specs() {
        return TestNets.names();
    }

    @ParameterizedTest
    @MethodSource("specs")
    void thetaSurvivesTheRoundTripThroughDl4j(String name) {
        ArchitectureSpec spec = TestNets.SPECS.get(name);
        double[] theta = TestNets.theta(spec, 41);
        MultiLayerNetwork net = Dl4jNetworks.build(spec, theta, Dl4jNetworks.Head.LOGITS);
        assertArrayEquals(theta, Dl4jParameters.read(spec, net), 0);
    }

    /**
     * DL4J's flat vector is, layer by layer, [b, W] for a convolution with W in c-order [out, in, kh, kw], and
     * [W, b] for a dense layer with W of shape [nIn, nOut] in f-order. Element (i, o) of an f-order [nIn, nOut]
     * array sits at i + nIn·o, which is where our row-major [out, in] puts weight (o, i): the dense block is our
     * fc weight verbatim. Built here from θ by that rule alone and compared with {@code net.params()}.
     */
    @ParameterizedTest
    @MethodSource("specs")
    void flatLayoutIsBiasFirstForConvAndFOrderWeightFirstForDense(String name) {
        ArchitectureSpec spec = TestNets.SPECS.get(name);
        double[] theta = TestNets.theta(spec, 42);
        MultiLayerNetwork net = Dl4jNetworks.build(spec, theta, Dl4jNetworks.Head.LOGITS);
        ParameterLayout layout = spec.parameterLayout();
        double[] expected = new double[theta.length];
        int at = 0;
        Stage.Visitor<List<ParameterLayout.Tensor>> dl4jOrder = new Stage.Visitor<>() {
            @Override
            public List<ParameterLayout.Tensor> conv(Stage.Conv c) {
                return List.of(tensor(c, "bias"), tensor(c, "weight"));
            }

            @Override
            public List<ParameterLayout.Tensor> relu(Stage.Relu r) {
                return List.of();
            }

            @Override
            public List<ParameterLayout.Tensor> pool(Stage.Pool p) {
                return List.of();
            }

            @Override
            public List<ParameterLayout.Tensor> dense(Stage.Dense d) {
                return List.of(tensor(d, "weight"), tensor(d, "bias"));
            }

            private ParameterLayout.Tensor tensor(Stage s, String kind) {
                return layout.tensor(s.name() + "." + kind).orElseThrow();
            }
        };
        for (Stage s : spec.stages()) {
            for (ParameterLayout.Tensor t : s.accept(dl4jOrder)) {
                System.arraycopy(theta, t.offset(), expected, at, t.size());
                at += t.size();
            }
        }
        assertEquals(theta.length, net.numParams());
        assertArrayEquals(expected, net.params().toDoubleVector(), 0);
    }

    @Test
    void denseWeightIsStoredTransposedInFOrder() {
        ArchitectureSpec spec = TestNets.SPECS.get("hiddenHead");
        double[] theta = TestNets.theta(spec, 43);
        MultiLayerNetwork net = Dl4jNetworks.build(spec, theta, Dl4jNetworks.Head.LOGITS);
        ParameterLayout.Tensor fc2 = spec.parameterLayout().tensor("fc2.weight").orElseThrow(); // [4, 5]
        int fc2Layer = Dl4jParameters.layerIndex(spec).get("fc2");
        var w = net.getParam(fc2Layer + "_W");
        assertArrayEquals(new long[] {5, 4}, w.shape());
        assertEquals('f', w.ordering());
        // our fc2.weight[o = 3, i = 1] is DL4J's W[1, 3]
        assertEquals(theta[fc2.offset() + 3 * 5 + 1], w.getDouble(1, 3), 0);
    }

    @Test
    void nativeLibrariesUnpackUnderTheUsersHome() {
        Dl4jRuntime.start();
        String dir = System.getProperty(Dl4jRuntime.CACHE_DIR_PROPERTY);
        assertEquals(Dl4jRuntime.defaultCacheDir().toString(), dir,
                "surefire sets no cache folder, so the default under ~/.hessianscope applies");
        assertTrue(Files.isDirectory(Dl4jRuntime.defaultCacheDir()));
    }
}
