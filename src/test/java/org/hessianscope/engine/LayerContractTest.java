package org.hessianscope.engine;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The contract of a {@link Layer}, run on its own (no network around it) for every layer of
 * every {@link TinyNets} net, which together hold every {@code Layer} implementation
 * ({@link #everyLayerImplementationIsChecked} fails otherwise). A new layer type passes here before
 * the network-level tests mean anything:
 * <ul>
 * <li>{@code backward}'s gradients (input and parameters) match central differences of the forward pass;</li>
 * <li>the transposed products are adjoint to the tangent: ⟨J (u, v), g⟩ = ⟨u, J_inᵀ g⟩ + ⟨v, J_θᵀ g⟩;</li>
 * <li>all four passes, the R-operator ones included, match {@link ReferenceNetwork}'s stage evaluated in
 *     hyper-dual numbers, which gives exact first and mixed second derivatives with no step.</li>
 * </ul>
 */
class LayerContractTest {

    /**
     * Every layer is affine in its input for fixed θ and bilinear in (θ, input), or piecewise linear
     * with a pattern certified unchanged over the step: the h² term of the central difference
     * cancels and there is no h³ term, so no truncation error is left. Rounding of φ = ⟨g, f⟩
     * (|φ| ≲ 10, ≤ 150 terms) is ≈ 150 · 1.1e-16 · 10 ≈ 2e-13, divided by 2h = 2e-5: ≈ 1e-8 absolute,
     * ≈ 1e-9 relative to gradients of norm ≳ 10. 1e-7 leaves two orders of magnitude.
     */
    static final double CENTRAL_DIFFERENCE_TOLERANCE = 1e-7;

    /**
     * Exact computations that differ only in rounding (the adjoint identity; engine against hyper-dual
     * reference). A dot product of n terms errs by at most n ε ‖a‖‖b‖; the largest layer here has
     * n ≤ P + inputs = 151 + 128 ≈ 300, so ≈ 3e-14 relative to the Cauchy–Schwarz scale, on products
     * that carry their own ≈ 1e-14. 1e-12 leaves a factor of about 20.
     */
    static final double EXACT_TOLERANCE = 1e-12;

    /** One layer of one tiny net, named for reports as {@code net/stage}. */
    record Case(String net, ArchitectureSpec spec, int index) {
        Stage stage() {
            return spec.stages().get(index);
        }

        @Override
        public String toString() {
            return net + "/" + stage().name();
        }
    }

    static List<Case> cases() {
        String[] names = {"convOnly", "maxPool", "avgPool", "hiddenHead", "reluLast"};
        List<ArchitectureSpec> specs = TinyNets.all();
        assertEquals(names.length, specs.size(), "name every tiny net");
        List<Case> out = new ArrayList<>();
        for (int n = 0; n < specs.size(); n++) {
            for (int s = 0; s < specs.get(n).stages().size(); s++) {
                out.add(new Case(names[n], specs.get(n), s));
            }
        }
        return out;
    }

    /** Layer is sealed: the concrete classes it permits, directly or through an abstract one, are all the layers. */
    @Test
    void everyLayerImplementationIsChecked() {
        Set<String> implementations = new TreeSet<>();
        collectConcrete(Layer.class, implementations);
        Set<String> checked = cases().stream().map(c -> new Fixture(c).layer.getClass().getSimpleName())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("AvgPoolLayer", "ConvLayer", "DenseLayer", "MaxPoolLayer", "ReluLayer"), implementations,
                "the layers this test knows");
        assertEquals(implementations, checked, "add a tiny net that holds the new layer to TinyNets.all()");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientsMatchCentralDifferences(Case c) {
        Fixture f = new Fixture(c);
        double[] gIn = new double[f.layer.inSize];
        double[] grad = new double[f.theta.length];
        f.layer.backward(f.theta, f.x, f.g, gIn, grad, f.state, f.scratch);

        double h = CentralDifference.STEP;
        double[] fdIn = new double[gIn.length];
        for (int j = 0; j < fdIn.length; j++) {
            double[] e = Vectors.unit(f.x.length, j);
            fdIn[j] = (f.phi(f.theta, Vectors.step(f.x, h, e)) - f.phi(f.theta, Vectors.step(f.x, -h, e))) / (2 * h);
        }
        double[] fdTheta = new double[grad.length];
        for (int j = 0; j < fdTheta.length; j++) {
            double[] e = Vectors.unit(f.theta.length, j);
            fdTheta[j] = (f.phi(Vectors.step(f.theta, h, e), f.x) - f.phi(Vectors.step(f.theta, -h, e), f.x)) / (2 * h);
        }
        assertClose("input gradient J_in^T g", fdIn, gIn, CENTRAL_DIFFERENCE_TOLERANCE);
        assertClose("parameter gradient J_theta^T g", fdTheta, grad, CENTRAL_DIFFERENCE_TOLERANCE);
        assertTrue(Vectors.norm(gIn) > 0, "the input gradient is zero: the check would be empty");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void transposedProductsAreAdjointToTheTangent(Case c) {
        Fixture f = new Fixture(c);
        double[] tout = new double[f.layer.outSize];
        f.layer.forwardTangent(f.theta, f.v, f.x, f.u, false, tout, f.state, f.scratch);
        double[] gIn = new double[f.layer.inSize];
        double[] grad = new double[f.theta.length];
        f.layer.backward(f.theta, f.x, f.g, gIn, grad, f.state, f.scratch);

        double lhs = Vectors.dot(tout, f.g);
        double rhs = Vectors.dot(f.u, gIn) + Vectors.dot(f.v, grad);
        double scale = Vectors.norm(tout) * Vectors.norm(f.g) + Vectors.norm(f.u) * Vectors.norm(gIn)
                + Vectors.norm(f.v) * Vectors.norm(grad);
        assertTrue(scale > 0, "all products are zero: the check would be empty");
        assertEquals(lhs, rhs, EXACT_TOLERANCE * scale, "<J(u, v), g> = " + lhs + " but <u, J_in^T g> + <v, J_theta^T g> = "
                + rhs);
    }

    /**
     * All passes against the hyper-dual reference, with an input tangent and with none
     * ({@code tinZero}: the layers before carry no parameters), and with {@code gIn} requested
     * and not (the first layer).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void allPassesMatchTheHyperDualReference(Case c) {
        Fixture f = new Fixture(c);
        for (boolean tinZero : new boolean[] {false, true}) {
            double[] u = tinZero ? new double[f.x.length] : f.u;
            String mode = tinZero ? " (tinZero)" : "";
            Reference ref = f.reference(u);

            double[] out = new double[f.layer.outSize];
            f.layer.forward(f.theta, f.x, out, f.state, f.scratch);
            assertClose("forward", ref.out, out, EXACT_TOLERANCE);
            double[] tout = new double[f.layer.outSize];
            f.layer.forwardTangent(f.theta, f.v, f.x, u, tinZero, tout, f.state, f.scratch);
            assertClose("forwardTangent" + mode, ref.tout, tout, EXACT_TOLERANCE);

            double[] gIn = new double[f.layer.inSize];
            double[] grad = new double[f.theta.length];
            f.layer.backward(f.theta, f.x, f.g, gIn, grad, f.state, f.scratch);
            assertClose("backward gIn", ref.gIn, gIn, EXACT_TOLERANCE);
            assertClose("backward grad", ref.grad, grad, EXACT_TOLERANCE);

            double[] tgIn = new double[f.layer.inSize];
            double[] tgrad = new double[f.theta.length];
            f.layer.backwardTangent(f.theta, f.v, f.x, u, tinZero, f.g, f.r, tgIn, tgrad, f.state, f.scratch);
            assertClose("backwardTangent tgIn" + mode, ref.tgIn, tgIn, EXACT_TOLERANCE);
            assertClose("backwardTangent tgrad" + mode, ref.tgrad, tgrad, EXACT_TOLERANCE);

            double[] fusedGIn = new double[f.layer.inSize];
            double[] fusedTgIn = new double[f.layer.inSize];
            double[] fusedTgrad = new double[f.theta.length];
            f.layer.backwardWithTangent(f.theta, f.v, f.x, u, tinZero, f.g, f.r, fusedGIn, fusedTgIn, fusedTgrad,
                    f.state, f.scratch);
            assertClose("backwardWithTangent gIn" + mode, ref.gIn, fusedGIn, EXACT_TOLERANCE);
            assertClose("backwardWithTangent tgIn" + mode, ref.tgIn, fusedTgIn, EXACT_TOLERANCE);
            assertClose("backwardWithTangent tgrad" + mode, ref.tgrad, fusedTgrad, EXACT_TOLERANCE);

            double[] firstLayerTgrad = new double[f.theta.length];
            f.layer.backwardWithTangent(f.theta, f.v, f.x, u, tinZero, f.g, f.r, null, null, firstLayerTgrad,
                    f.state, f.scratch);
            assertClose("backwardWithTangent tgrad without gIn" + mode, ref.tgrad, firstLayerTgrad, EXACT_TOLERANCE);
        }
    }

    /** ‖actual − expected‖ ≤ tolerance · max(‖expected‖, ‖actual‖); two zero vectors agree. */
    private static void assertClose(String what, double[] expected, double[] actual, double tolerance) {
        assertEquals(expected.length, actual.length, what + " length");
        double diff = 0;
        for (int j = 0; j < expected.length; j++) {
            diff += (actual[j] - expected[j]) * (actual[j] - expected[j]);
        }
        double scale = Math.max(Vectors.norm(expected), Vectors.norm(actual));
        if (Math.sqrt(diff) > tolerance * scale) {
            fail(what + ": relative error " + Math.sqrt(diff) / scale + " > " + tolerance + "; expected "
                    + Arrays.toString(expected) + " but was " + Arrays.toString(actual));
        }
    }

    private static void collectConcrete(Class<?> type, Set<String> out) {
        if (!Modifier.isAbstract(type.getModifiers())) {
            out.add(type.getSimpleName());
        }
        Class<?>[] permitted = type.getPermittedSubclasses();
        if (permitted != null) {
            for (Class<?> sub : permitted) {
                collectConcrete(sub, out);
            }
        }
    }

    /** Exact values of every pass from the hyper-dual reference. */
    private record Reference(double[] out, double[] tout, double[] gIn, double[] grad, double[] tgIn, double[] tgrad) {
    }

    /**
     * One layer alone with seeded random θ, input x, input tangent u, parameter direction v,
     * output cotangent g and its tangent r. Gaussian inputs keep every ReLU input and every
     * max-pool gap far from 0 compared to the finite-difference step.
     */
    private static final class Fixture {
        final Case c;
        final Layer layer;
        final Scratch scratch;
        final StageState state;
        final double[] theta;
        final double[] x;
        final double[] u;
        final double[] v;
        final double[] g;
        final double[] r;

        Fixture(Case c) {
            this.c = c;
            Model model = TinyNets.randomModel(c.spec(), 71);
            Layer[] layers = model.network().layers();
            this.layer = layers[c.index()];
            this.scratch = new Scratch(layers);
            this.theta = model.theta();
            this.x = TinyNets.randomVector(layer.inSize, 72 + c.index());
            this.u = TinyNets.randomVector(layer.inSize, 73);
            this.v = TinyNets.randomVector(theta.length, 74);
            this.g = TinyNets.randomVector(layer.outSize, 75);
            this.r = TinyNets.randomVector(layer.outSize, 76);
            this.state = newState();
            layer.forward(theta, x, new double[layer.outSize], state, scratch);
        }

        StageState newState() {
            return new StageState(layer.maskSize(), layer.routeSize());
        }

        /** φ(θ', x') = ⟨g, f(θ', x')⟩, failing if the ReLU mask or max-pool routes differ from those at (θ, x). */
        double phi(double[] thetaAt, double[] xAt) {
            StageState s = newState();
            double[] out = new double[layer.outSize];
            layer.forward(thetaAt, xAt, out, s, scratch);
            if (!Arrays.equals(s.mask, state.mask) || !Arrays.equals(s.route, state.route)) {
                fail(c + ": the finite-difference step changes the ReLU/pool pattern; pick another seed");
            }
            return Vectors.dot(g, out);
        }

        /**
         * Derivatives of y = f(θ + t v, x + t u) from hyper-duals: ε₁ along (v, u), ε₂ along one
         * coordinate e_j of x or θ. Then ∂f/∂(x or θ)_j = y.c, the tangent J(u, v) = y.b and the
         * mixed part y.d, so (J_jᵀ g) = Σ_k g_k y_k.c and its R-operator with g moving along r is
         * Σ_k (r_k y_k.c + g_k y_k.d).
         */
        Reference reference(double[] uAt) {
            ReferenceNetwork net = new ReferenceNetwork(c.spec());
            HyperDual[] y = evaluate(net, uAt, -1, -1);
            double[] out = new double[y.length];
            double[] tout = new double[y.length];
            for (int k = 0; k < y.length; k++) {
                out[k] = y[k].a();
                tout[k] = y[k].b();
            }
            double[] gIn = new double[x.length];
            double[] tgIn = new double[x.length];
            for (int j = 0; j < x.length; j++) {
                double[] pair = transposed(evaluate(net, uAt, j, -1));
                gIn[j] = pair[0];
                tgIn[j] = pair[1];
            }
            double[] grad = new double[theta.length];
            double[] tgrad = new double[theta.length];
            for (int j = 0; j < theta.length; j++) {
                double[] pair = transposed(evaluate(net, uAt, -1, j));
                grad[j] = pair[0];
                tgrad[j] = pair[1];
            }
            return new Reference(out, tout, gIn, grad, tgIn, tgrad);
        }

        private double[] transposed(HyperDual[] y) {
            double value = 0;
            double tangent = 0;
            for (int k = 0; k < y.length; k++) {
                value += g[k] * y[k].c();
                tangent += r[k] * y[k].c() + g[k] * y[k].d();
            }
            return new double[] {value, tangent};
        }

        /** The reference stage with ε₂ on input {@code inputJ} or parameter {@code thetaJ} (−1: none). */
        private HyperDual[] evaluate(ReferenceNetwork net, double[] uAt, int inputJ, int thetaJ) {
            HyperDual[] t = new HyperDual[theta.length];
            for (int q = 0; q < theta.length; q++) {
                t[q] = new HyperDual(theta[q], v[q], q == thetaJ ? 1 : 0, 0);
            }
            HyperDual[] in = new HyperDual[x.length];
            for (int i = 0; i < x.length; i++) {
                in[i] = new HyperDual(x[i], uAt[i], i == inputJ ? 1 : 0, 0);
            }
            Stage stage = c.stage();
            return ReferenceNetwork.flatten(net.stage(stage, t, ReferenceNetwork.map(stage.in(), in)));
        }
    }
}
