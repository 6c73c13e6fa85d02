package org.hessianscope.surface;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.hessianscope.Tolerances;
import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.ConvLayerSpec;
import org.hessianscope.arch.HeadSpec;
import org.hessianscope.arch.InputShape;
import org.hessianscope.arch.ParameterLayout;
import org.hessianscope.arch.PoolSpec;
import org.hessianscope.arch.PoolType;
import org.hessianscope.data.Samples;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.EngineBenchmark;
import org.hessianscope.engine.KinkGuard;
import org.hessianscope.engine.LossAccuracy;
import org.hessianscope.engine.Model;
import org.hessianscope.engine.Network;
import org.hessianscope.engine.ReferenceNetwork;
import org.hessianscope.task.InvalidSettingException;
import org.hessianscope.task.ProgressMonitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The slice against independent computations: the engine's mean loss, hyper-dual derivatives, all orderings. */
class SurfaceTest {
    private static final Engine ENGINE = new Engine(2);

    /** 2×8×8 → conv 3@2×2 → relu → max pool 2 → conv 2@2×2 → relu → fc 8→5 → relu → fc 5→3: every kind of kink. */
    static ArchitectureSpec spec() {
        return new ArchitectureSpec(new InputShape(2, 8, 8), List.of(new ConvLayerSpec(3, 2), new ConvLayerSpec(2, 2)),
                true, new PoolSpec(PoolType.MAX, 2, 1), new HeadSpec(List.of(5)), 3);
    }

    static Model model(ArchitectureSpec spec, long seed) {
        Network network = Network.of(spec);
        Random random = new Random(seed);
        double[] theta = new double[network.parameterCount()];
        for (int j = 0; j < theta.length; j++) {
            theta[j] = 0.5 * random.nextGaussian();
        }
        return new Model(network, theta);
    }

    static SurfaceOptions options(String directions, int dims, int grid, double range, int samples, int[] k) {
        return new SurfaceOptions(directions, dims, grid, range, samples, k, SurfaceOptions.HESSIAN, 40, 7L, false);
    }

    static SurfaceResult compute(Engine engine, Model model, Samples train, double[] init, SurfaceOptions o) {
        return Surface.compute(engine, model, train, init, null, o, DirectionKinds.byKey(o.directions()), ProgressMonitor.NONE);
    }

    @AfterAll
    static void close() {
        ENGINE.close();
    }

    @Test
    void theOriginIsTheLossAtThetaHatForEveryK() {
        Model m = model(spec(), 1);
        Samples train = EngineBenchmark.randomSamples(spec(), 40, 2);
        SurfaceResult r = compute(ENGINE, m, train, null, options("random", 2, 5, 0.5, 30, new int[] {3, 10, SurfaceOptions.ALL}));
        assertArrayEquals(new int[] {3, 10, 30}, r.k());
        assertArrayEquals(new int[] {2, 2}, r.origin());
        for (int g = 0; g < r.k().length; g++) {
            LossAccuracy la = ENGINE.lossAndAccuracy(m, train.first(r.k()[g]), ProgressMonitor.NONE);
            assertEquals(la.loss(), r.loss()[g][2][2], Tolerances.SUM_ORDER_F64);
            assertEquals(la.accuracy(), r.accuracy()[g][2][2], Tolerances.ULPS_F64);
            assertEquals(la.loss(), r.quadratic().get(g).loss(), Tolerances.SUM_ORDER_F64);
            assertEquals(la.loss(), r.quadratic().get(g).values()[2][2], Tolerances.SUM_ORDER_F64);
        }
        // Away from θ̂ the grid moves (the directions are not zero) and differs from its quadratic model.
        assertNotEquals(r.loss()[2][2][2], r.loss()[2][0][4], 1e-6);
    }

    @Test
    void aSliceAlongAnEigenvectorBendsByItsEigenvalue() {
        Model m = model(spec(), 3);
        Samples train = EngineBenchmark.randomSamples(spec(), 12, 4);
        double h = 1e-4;
        // Lanczos over all P steps: the Ritz vector is an eigenvector to rounding.
        int p = m.parameterCount();
        SurfaceOptions o = new SurfaceOptions("hessian", 1, 3, h, 12, new int[] {SurfaceOptions.ALL},
                SurfaceOptions.HESSIAN, p, 5L, false);
        SurfaceResult r = compute(ENGINE, m, train, null, o);
        SurfaceAxis axis = r.axes().get(0);
        KinkGuard.assertNoKinkBetween(m.network(), m.theta(), h, axis.vector(), train);
        double lambda = axis.eigenvalue();
        assertEquals(1.0, axis.norm(), 1e-12);
        double[][] l = r.loss()[0];
        double second = (l[2][0] - 2 * l[1][0] + l[0][0]) / (h * h);
        // Truncation O(h²) and rounding ε·L/h² ≈ 1e-8 relative to λ = O(1).
        assertEquals(lambda, second, 1e-5 * Math.max(1, Math.abs(lambda)));
        // VᵀHV of a unit eigenvector is its eigenvalue.
        assertEquals(lambda, r.quadratic().get(0).curvature()[0][0], 1e-9 * Math.abs(lambda));
        assertTrue(Math.abs(lambda) > 1e-3, "a bending direction: λ = " + lambda);
    }

    @Test
    void hessianDirectionsInAPlaneAreOrthonormalAndDescending() {
        Model m = model(spec(), 3);
        Samples train = EngineBenchmark.randomSamples(spec(), 12, 4);
        SurfaceOptions o = new SurfaceOptions("hessian", 2, 3, 0.1, 12, new int[] {SurfaceOptions.ALL},
                SurfaceOptions.GGN, m.parameterCount(), 5L, false);
        SurfaceResult r = compute(ENGINE, m, train, null, o);
        double[] v1 = r.axes().get(0).vector();
        double[] v2 = r.axes().get(1).vector();
        assertEquals(0.0, Surface.dot(v1, v2), 1e-10);
        assertTrue(r.axes().get(0).eigenvalue() >= r.axes().get(1).eigenvalue());
        // H_O v = λ v for the ggn eigenvectors.
        double[] g = ENGINE.ggnProduct(m, train, v1);
        for (int i = 0; i < g.length; i++) {
            assertEquals(r.axes().get(0).eigenvalue() * v1[i], g[i], 1e-8);
        }
        assertEquals("ggn", r.operator());
        assertEquals("H_O eigenvector 1", r.axes().get(0).label());
    }

    @Test
    void randomDirectionsHaveTheFilterNormsOfThetaHatAndNoBias() {
        Model m = model(spec(), 5);
        ParameterLayout layout = m.network().layout();
        DirectionsInput in = new DirectionsInput(ENGINE, m, null, null, null, options("random", 2, 3, 1, 10, new int[] {1}));
        List<Direction> d = DirectionKinds.RANDOM.directions(in, 2, ProgressMonitor.NONE);
        int filters = 0;
        for (Direction dir : d) {
            for (ParameterLayout.Tensor t : layout.tensors()) {
                if (t.bias()) {
                    for (int i = t.offset(); i < t.offset() + t.size(); i++) {
                        assertEquals(0.0, dir.vector()[i]);
                    }
                    continue;
                }
                int rows = t.shape()[0];
                int width = t.size() / rows;
                for (int f = 0; f < rows; f++) {
                    double wn = 0;
                    double dn = 0;
                    for (int i = t.offset() + f * width; i < t.offset() + (f + 1) * width; i++) {
                        wn += m.theta()[i] * m.theta()[i];
                        dn += dir.vector()[i] * dir.vector()[i];
                    }
                    // ‖w‖/(‖d‖ + 1e−10) scaling leaves a relative shortfall of about 1e−10/‖d‖.
                    assertEquals(Math.sqrt(wn), Math.sqrt(dn), 1e-8 * Math.sqrt(wn));
                    filters++;
                }
            }
        }
        // conv1 3 filters, conv2 2, fc1 5 rows, fc2 3 rows; two directions.
        assertEquals(2 * (3 + 2 + 5 + 3), filters);
        // Seeded: the same seed gives the same directions, the two of a plane differ.
        List<Direction> again = DirectionKinds.RANDOM.directions(in, 2, ProgressMonitor.NONE);
        assertArrayEquals(d.get(0).vector(), again.get(0).vector());
        double cos = Surface.dot(d.get(0).vector(), d.get(1).vector())
                / Math.sqrt(Surface.dot(d.get(0).vector(), d.get(0).vector()) * Surface.dot(d.get(1).vector(), d.get(1).vector()));
        assertTrue(Math.abs(cos) < 0.5, "two independent draws, cos = " + cos);
    }

    @Test
    void theQuadraticModelIsTheProjectedGradientAndHessianOfAnExplicitComputation() {
        Model m = model(spec(), 9);
        Samples train = EngineBenchmark.randomSamples(spec(), 8, 10);
        SurfaceResult r = compute(ENGINE, m, train, null, options("random", 2, 3, 0.3, 8, new int[] {3, SurfaceOptions.ALL}));
        ReferenceNetwork ref = new ReferenceNetwork(spec());
        double[] u = r.axes().get(0).vector();
        double[] v = r.axes().get(1).vector();
        for (int g = 0; g < r.k().length; g++) {
            int k = r.k()[g];
            double[][] inputs = new double[k][];
            int[] labels = new int[k];
            for (int s = 0; s < k; s++) {
                inputs[s] = new double[m.network().inputSize()];
                train.copyInput(s, inputs[s], 0);
                labels[s] = train.label(s);
            }
            double[] uu = ref.directional(m.theta(), u, u, inputs, labels);
            double[] uv = ref.directional(m.theta(), u, v, inputs, labels);
            double[] vv = ref.directional(m.theta(), v, v, inputs, labels);
            QuadraticModel q = r.quadratic().get(g);
            assertEquals(k, q.k());
            assertEquals(uv[0], q.loss(), 1e-12);
            assertEquals(uv[1], q.gradient()[0], 1e-10 * Math.abs(uv[1]) + 1e-12);
            assertEquals(uv[2], q.gradient()[1], 1e-10 * Math.abs(uv[2]) + 1e-12);
            assertEquals(uu[3], q.curvature()[0][0], 1e-10 * Math.abs(uu[3]) + 1e-12);
            assertEquals(uv[3], q.curvature()[0][1], 1e-10 * Math.abs(uv[3]) + 1e-12);
            assertEquals(uv[3], q.curvature()[1][0], 1e-10 * Math.abs(uv[3]) + 1e-12);
            assertEquals(vv[3], q.curvature()[1][1], 1e-10 * Math.abs(vv[3]) + 1e-12);
            // q at the corner (−0.3, 0.3) from the coefficients, written out.
            double a = -0.3;
            double b = 0.3;
            double expected = uv[0] + uv[1] * a + uv[2] * b + 0.5 * (uu[3] * a * a + 2 * uv[3] * a * b + vv[3] * b * b);
            assertEquals(expected, q.values()[0][2], 1e-10);
        }
    }

    @Test
    void sigmaSquaredIsTheExpectedSquaredLossDifferenceOverAllOrderings() {
        Model m = model(spec(), 11);
        int n = 7;
        Samples train = EngineBenchmark.randomSamples(spec(), n, 12);
        SurfaceResult r = compute(ENGINE, m, train, null, options("random", 2, 3, 0.8, n, new int[] {SurfaceOptions.ALL}));
        // The corner (0.8, −0.8), away from θ̂: its per-sample losses, independently.
        double[] w = m.theta().clone();
        for (int p = 0; p < w.length; p++) {
            w[p] += 0.8 * r.axes().get(0).vector()[p] - 0.8 * r.axes().get(1).vector()[p];
        }
        double[] l = ENGINE.perSampleLosses(new Model(m.network(), w), train, ProgressMonitor.NONE);
        double[] sumSq = new double[n];
        int[] count = new int[1];
        permute(new int[] {0, 1, 2, 3, 4, 5, 6}, 0, order -> {
            double prev = l[order[0]];
            double sum = prev;
            for (int k = 1; k < n; k++) {
                sum += l[order[k]];
                double next = sum / (k + 1);
                sumSq[k] += (next - prev) * (next - prev);
                prev = next;
            }
            count[0]++;
        });
        assertEquals(5040, count[0]);
        for (int k = 1; k < n; k++) {
            double exact = sumSq[k] / count[0];
            assertEquals(exact, r.expectedSquaredDifference(2, 0, k), 1e-12 * exact);
        }
        assertTrue(r.sigma()[2][0] != r.sigma()[1][1], "σ varies over the plane");
    }

    private static void permute(int[] a, int from, java.util.function.Consumer<int[]> visit) {
        if (from == a.length) {
            visit.accept(a);
            return;
        }
        for (int i = from; i < a.length; i++) {
            int t = a[from];
            a[from] = a[i];
            a[i] = t;
            permute(a, from + 1, visit);
            a[i] = a[from];
            a[from] = t;
        }
    }

    @Test
    void theLineFromThetaZeroReachesTheInitialLossAtMinusOne() {
        Model m = model(spec(), 13);
        Samples train = EngineBenchmark.randomSamples(spec(), 10, 14);
        double[] init = model(spec(), 99).theta();
        SurfaceResult r = compute(ENGINE, m, train, init, options("interpolation", 1, 5, 1.0, 10, new int[] {SurfaceOptions.ALL}));
        assertEquals(1, r.dims());
        assertEquals(1, r.columns());
        assertArrayEquals(new double[] {-1, -0.5, 0, 0.5, 1}, r.axes().get(0).coordinates());
        double atInit = ENGINE.lossAndAccuracy(new Model(m.network(), init), train, ProgressMonitor.NONE).loss();
        assertEquals(atInit, r.loss()[0][0][0], 1e-12);
        assertThrows(InvalidSettingException.class,
                () -> compute(ENGINE, m, train, init, options("interpolation", 2, 5, 1.0, 10, new int[] {1})));
        InvalidSettingException none = assertThrows(InvalidSettingException.class,
                () -> compute(ENGINE, m, train, null, options("interpolation", 1, 5, 1.0, 10, new int[] {1})));
        assertTrue(none.getMessage().contains("init.npz"), none.getMessage());
    }

    @Test
    void theResultIsBitIdenticalForAnyThreadCount() {
        Model m = model(spec(), 15);
        Samples train = EngineBenchmark.randomSamples(spec(), 50, 16);
        SurfaceOptions o = options("random", 2, 7, 1.0, 50, new int[] {5, SurfaceOptions.ALL});
        SurfaceResult two = compute(ENGINE, m, train, null, o);
        try (Engine one = new Engine(1); Engine three = new Engine(3)) {
            assertEquals(two, compute(one, m, train, null, o));
            assertEquals(two, compute(three, m, train, null, o));
        }
    }

    @Test
    void theJsonFormReadsBackEqual() throws Exception {
        Model m = model(spec(), 17);
        Samples train = EngineBenchmark.randomSamples(spec(), 10, 18);
        SurfaceResult r = compute(ENGINE, m, train, null, options("random", 1, 5, 1.0, 10, new int[] {2, SurfaceOptions.ALL}));
        String json = SurfaceJson.write(r);
        assertTrue(json.contains("\"eigenvalue\" : \"NaN\""), "NaN as analysis.json writes it");
        assertEquals(r, SurfaceJson.read(json));
    }

    @Test
    void badSettingsAreRefusedNamingTheSetting() {
        InvalidSettingException big = assertThrows(InvalidSettingException.class,
                () -> new SurfaceOptions("random", 2, 61, 1, 100, new int[] {1}, "hessian", 40, 0, false));
        assertTrue(big.getMessage().contains("3721 grid points") && big.getMessage().contains("force"), big.getMessage());
        new SurfaceOptions("random", 2, 61, 1, 100, new int[] {1}, "hessian", 40, 0, true);
        assertThrows(InvalidSettingException.class,
                () -> new SurfaceOptions("random", 2, 24, 1, 100, new int[] {1}, "hessian", 40, 0, false));
        InvalidSettingException kind = assertThrows(InvalidSettingException.class,
                () -> new SurfaceOptions("sideways", 2, 25, 1, 100, new int[] {1}, "hessian", 40, 0, false));
        assertTrue(kind.getMessage().contains("hessian|random|trajectory|interpolation"), kind.getMessage());
        InvalidSettingException size = assertThrows(InvalidSettingException.class,
                () -> Surface.requireSizes(List.of(new Direction("d", new double[5], Double.NaN)), 80, 1));
        assertEquals("direction \"d\" has 5 values but the network has 80 parameters", size.getMessage());
    }
}
