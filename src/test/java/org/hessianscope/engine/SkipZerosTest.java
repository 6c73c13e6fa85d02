package org.hessianscope.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.FeatureMap;
import org.hessianscope.arch.HeadSpec;
import org.hessianscope.arch.InputShape;
import org.hessianscope.arch.PoolSpec;
import org.hessianscope.arch.PoolType;
import org.hessianscope.arch.Stage;
import org.hessianscope.curvature.Curvature;
import org.hessianscope.data.InMemorySamples;
import org.hessianscope.data.Samples;
import org.hessianscope.task.ProgressMonitor;
import org.hessianscope.train.PyTorchInit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tangent passes that leave out exact zeros (ReLU-masked inputs, cotangents a max pool does not route to) give
 * the bits of the passes that add every multiply-add: the kernels against ConvLayer's plain loops on inputs with zero
 * regions, and whole products (H v, H_O v, H_F v, J v, the block product with its ggn forms, with and without kept
 * passes, 1 and 2 threads) and a whole curvature analysis against {@link Network#withoutSkipping}, on nets with a max
 * pool, an average pool, a hidden dense layer and a ReLU after the last conv, fed MNIST-like images (a constant
 * background around a random blot, so whole regions of a channel are masked, and max pools tie there).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SkipZerosTest {
    private final Engine one = new Engine(1);
    private final Engine two = new Engine(2);

    @AfterAll
    void close() {
        one.close();
        two.close();
    }

    @Test
    void kernelsSkippingZerosHaveThePlainLoopsBits() {
        assertTrue(ConvLayer.VECTOR, "the tests run with --add-modules jdk.incubator.vector (pom surefire.argLine)");
        // Cin, Cout, k, H, W: whole vectors of channels, padding lanes, a remainder after the groups of eight taps.
        int[][] shapes = {{8, 8, 3, 26, 26}, {3, 6, 3, 13, 11}, {2, 5, 5, 12, 10}, {1, 8, 3, 14, 14}};
        SplittableRandom rng = new SplittableRandom(15);
        for (int[] s : shapes) {
            FeatureMap in = new FeatureMap(s[0], s[3], s[4]);
            int k = s[2];
            FeatureMap out = new FeatureMap(s[1], s[3] - k + 1, s[4] - k + 1);
            Stage.Conv stage = new Stage.Conv(0, in, out, k);
            int offset = 5;
            ConvLayer layer = new ConvLayer(stage, offset);
            Scratch scratch = new Scratch(new Layer[] {layer});
            // Zero in whole rectangles of each channel (as a ReLU on a background), and single zeros elsewhere.
            double[] a = withZeros(rng, in);
            double[] b = a.clone();
            for (int i = 0; i < b.length; i++) {
                b[i] = a[i] == 0 ? (i % 2 == 0 ? 0.0 : -0.0) : rng.nextDouble(-1, 1);
            }
            double[] ga = withZeros(rng, out);
            double[] gb = ga.clone();
            for (int i = 0; i < gb.length; i++) {
                gb[i] = ga[i] == 0 ? -0.0 * (i % 3) : rng.nextDouble(-1, 1);
            }
            int p = offset + stage.weightCount() + out.channels() + 2;
            double[] wa = random(rng, p);
            double[] wb = random(rng, p);
            String shape = java.util.Arrays.toString(s);

            double[] plainOut = new double[ga.length];
            double[] skipOut = new double[ga.length];
            layer.correlate(wa, a, wb, b, plainOut, scratch, false);
            layer.correlate(wa, a, wb, b, skipOut, scratch, true, true);
            sameBits(plainOut, skipOut, "tangent correlation " + shape);
            assertTrue(skipped(scratch, stage.weightCount() / out.channels(), (out.height() - 1) * in.width() + out.width()),
                    "the correlation left out some taps " + shape);

            double[] plainIn = new double[a.length];
            double[] skipIn = new double[a.length];
            layer.correlateTransposed(wa, ga, wb, gb, plainIn, scratch, false);
            layer.correlateTransposed(wa, ga, wb, gb, skipIn, scratch, true, true);
            sameBits(plainIn, skipIn, "transposed correlation " + shape);
            assertTrue(skipped(scratch, out.channels() * k * k, in.height() * in.width()),
                    "the transposed correlation left out some taps " + shape);

            double[] g = new double[a.length];
            double[] tg = new double[a.length];
            double[] gSkip = new double[a.length];
            double[] tgSkip = new double[a.length];
            layer.correlateTransposedPair(wa, wb, ga, gb, g, tg, scratch, false);
            layer.correlateTransposedPair(wa, wb, ga, gb, gSkip, tgSkip, scratch, true, true);
            sameBits(g, gSkip, "transposed pair, g " + shape);
            sameBits(tg, tgSkip, "transposed pair, tg " + shape);

            for (boolean pair : new boolean[] {false, true}) {
                double[] start = random(rng, p);
                double[] plain = start.clone();
                double[] skip = start.clone();
                layer.accumulateGradient(ga, a, pair ? gb : null, pair ? b : null, plain, scratch, false);
                layer.accumulateGradient(ga, a, pair ? gb : null, pair ? b : null, skip, scratch, true, true);
                sameBits(plain, skip, "weight gradient " + shape + (pair ? " pair" : ""));
            }
        }
    }

    @Test
    void productsSkippingZerosHaveTheBitsOfFullProducts() {
        for (ArchitectureSpec spec : specs()) {
            Model full = model(Network.withoutSkipping(spec), spec);
            Model skipping = model(Network.of(spec), spec);
            Samples samples = mnistLike(spec, 37, 11);
            int p = full.parameterCount();
            Random random = new Random(2);
            for (Engine engine : new Engine[] {one, two}) {
                String what = spec.stages().size() + " stages, pool " + spec.pool() + ", head " + spec.head()
                        + ", threads " + engine.threads() + ": ";
                double[] v = gaussian(p, random);
                sameBits(engine.hvp(full, samples, v), engine.hvp(skipping, samples, v), what + "H v");
                sameBits(engine.ggnProduct(full, samples, v), engine.ggnProduct(skipping, samples, v), what + "H_O v");
                sameBits(engine.residualProduct(full, samples, v), engine.residualProduct(skipping, samples, v),
                        what + "H_F v");
                double[] x = new double[spec.input().map().size()];
                samples.copyInput(3, x, 0);
                sameBits(engine.jvp(full, x, v), engine.jvp(skipping, x, v), what + "J v");
                double[][] vs = {v, gaussian(p, random), gaussian(p, random)};
                double[] fullForms = new double[vs.length];
                double[] skipForms = new double[vs.length];
                double[][] fullBlock = engine.hvpAll(full, samples, vs, fullForms);
                double[][] skipBlock = engine.hvpAll(skipping, samples, vs, skipForms);
                KeptPasses fullKept = engine.keep(full, samples, Long.MAX_VALUE);
                KeptPasses skipKept = engine.keep(skipping, samples, Long.MAX_VALUE);
                assertNotNull(skipKept);
                // The first call makes the kept state, the second reuses it.
                for (int round = 0; round < 2; round++) {
                    double[][] fromKept = engine.hvpAll(skipping, samples, vs, null, skipKept);
                    double[][] fullFromKept = engine.hvpAll(full, samples, vs, null, fullKept);
                    for (int j = 0; j < vs.length; j++) {
                        sameBits(fullBlock[j], skipBlock[j], what + "block vector " + j);
                        sameBits(fullBlock[j], fromKept[j], what + "kept block vector " + j);
                        sameBits(fullFromKept[j], fromKept[j], what + "kept block vector, both kept " + j);
                    }
                    sameBits(engine.hvp(full, samples, v), engine.hvp(skipping, samples, v, skipKept), what + "kept H v");
                    sameBits(engine.residualProduct(full, samples, v),
                            engine.residualProduct(skipping, samples, v, skipKept), what + "kept H_F v");
                }
                sameBits(fullForms, skipForms, what + "ggn forms");
            }
        }
    }

    @Test
    void curvatureAnalysisSkippingZerosIsTheFullOnesToTheBit() throws Exception {
        ArchitectureSpec spec = ArchitectureSpec.paper(new InputShape(1, 20, 20), 4, 8, 3, new PoolSpec(PoolType.MAX, 2, 2), 10);
        Samples samples = mnistLike(spec, 40, 5);
        Curvature.Options options = new Curvature.Options(3, 8, 2, true, true, 3, 2, 7);
        ObjectMapper json = new ObjectMapper();
        String full = json.writeValueAsString(Curvature.run(two, model(Network.withoutSkipping(spec), spec), samples,
                options, ProgressMonitor.NONE, Curvature.Listener.NONE));
        String skipping = json.writeValueAsString(Curvature.run(two, model(Network.of(spec), spec), samples, options,
                ProgressMonitor.NONE, Curvature.Listener.NONE));
        // JSON writes each double in its shortest exact form (−0.0 included), so equal text is equal bits.
        assertEquals(full, skipping);
        assertTrue(full.contains("\"density\":{"), "the analysis ran its spectral density: " + full.substring(0, 200));
    }

    private static List<ArchitectureSpec> specs() {
        InputShape mnist = new InputShape(1, 20, 20);
        ArchitectureSpec max = ArchitectureSpec.paper(mnist, 4, 8, 3, new PoolSpec(PoolType.MAX, 2, 2), 10);
        ArchitectureSpec avg = ArchitectureSpec.paper(new InputShape(2, 16, 16), 3, 6, 3, new PoolSpec(PoolType.AVG, 2, 1), 5);
        ArchitectureSpec hidden = ArchitectureSpec.paper(mnist, 2, 5, 5, new PoolSpec(PoolType.MAX, 2, 1), 4)
                .withHead(new HeadSpec(List.of(7)));
        ArchitectureSpec reluLast = ArchitectureSpec.paper(mnist, 3, 8, 3, null, 3).withReluAfterLastConv(true);
        return List.of(max, avg, hidden, reluLast);
    }

    /** PyTorch's initialisation (seed 3): some channels are off on the background, some on. */
    private static Model model(Network network, ArchitectureSpec spec) {
        double[] theta = PyTorchInit.initialise(spec, 3);
        return new Model(network, theta);
    }

    /** Images of −1 (MNIST's normalised background) with a Gaussian blot of a random size and place; some blank. */
    private static InMemorySamples mnistLike(ArchitectureSpec spec, int n, long seed) {
        Random random = new Random(seed);
        InputShape shape = spec.input();
        int channels = shape.map().channels();
        int h = shape.map().height();
        int w = shape.map().width();
        double[][] inputs = new double[n][channels * h * w];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(inputs[i], -1.0);
            if (i % 7 != 6) {
                int bh = 3 + random.nextInt(h / 2);
                int bw = 3 + random.nextInt(w / 2);
                int y0 = random.nextInt(h - bh);
                int x0 = random.nextInt(w - bw);
                for (int c = 0; c < channels; c++) {
                    for (int y = y0; y < y0 + bh; y++) {
                        for (int x = x0; x < x0 + bw; x++) {
                            inputs[i][(c * h + y) * w + x] = random.nextGaussian();
                        }
                    }
                }
            }
            labels[i] = random.nextInt(spec.classes());
        }
        return new InMemorySamples(shape, spec.classes(), inputs, labels);
    }

    /** Whether some block of eight positions ran fewer than all {@code rowLength} taps in the last correlation. */
    private static boolean skipped(Scratch scratch, int rowLength, int n) {
        for (int block = 0; block < n / 8; block++) {
            if (scratch.liveCounts[block] < rowLength) {
                return true;
            }
        }
        return false;
    }

    /** Uniform values in (−1, 1), zero in a rectangle of each channel and at every fifth position. */
    private static double[] withZeros(SplittableRandom rng, FeatureMap map) {
        int h = map.height();
        int w = map.width();
        double[] x = new double[map.size()];
        for (int c = 0; c < map.channels(); c++) {
            int y0 = rng.nextInt(h / 2);
            int x0 = rng.nextInt(w / 2);
            for (int y = 0; y < h; y++) {
                for (int xx = 0; xx < w; xx++) {
                    boolean zero = (y >= y0 && y < y0 + h / 2 && xx >= x0) || (y * w + xx) % 5 == 0;
                    x[(c * h + y) * w + xx] = zero ? 0.0 : rng.nextDouble(-1, 1);
                }
            }
        }
        return x;
    }

    private static double[] random(SplittableRandom rng, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextDouble(-1, 1);
        }
        return x;
    }

    private static double[] gaussian(int n, Random random) {
        double[] v = new double[n];
        for (int j = 0; j < n; j++) {
            v[j] = random.nextGaussian();
        }
        return v;
    }

    private static void sameBits(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int k = 0; k < expected.length; k++) {
            assertEquals(Double.doubleToRawLongBits(expected[k]), Double.doubleToRawLongBits(actual[k]),
                    what + " at " + k + ": " + expected[k] + " vs " + actual[k]);
        }
    }
}
