package org.hessianscope.engine;

import org.hessianscope.data.Samples;

import java.util.function.Function;

/**
 * Central differences (f(θ + h v) − f(θ − h v)) / 2h of a function of the weights, after
 * certifying with {@link KinkGuard} that no ReLU or pool kink lies within the step. With
 * h = 1e-5 the truncation error is O(h²) ≈ 1e-10 and the rounding error ≈ 1e-16/h ≈ 1e-11.
 */
final class CentralDifference {
    static final double STEP = 1e-5;

    private CentralDifference() {
    }

    static double[] along(Model model, double[] v, Samples samples, Function<Model, double[]> f) {
        KinkGuard.assertNoKinkBetween(model.network(), model.theta(), STEP, v, samples);
        double[] plus = f.apply(new Model(model.network(), Vectors.step(model.theta(), STEP, v)));
        double[] minus = f.apply(new Model(model.network(), Vectors.step(model.theta(), -STEP, v)));
        double[] out = new double[plus.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = (plus[j] - minus[j]) / (2 * STEP);
        }
        return out;
    }

    /** The finite-difference gradient of a scalar function, one coordinate direction at a time. */
    static double[] gradient(Model model, Samples samples, Function<Model, Double> f) {
        int p = model.parameterCount();
        double[] out = new double[p];
        for (int j = 0; j < p; j++) {
            out[j] = along(model, Vectors.unit(p, j), samples, m -> new double[] {f.apply(m)})[0];
        }
        return out;
    }
}
