package org.hessianscope.curvature;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.ConvLayerSpec;
import org.hessianscope.arch.HeadSpec;
import org.hessianscope.arch.InputShape;
import org.hessianscope.arch.PoolSpec;
import org.hessianscope.arch.PoolType;
import org.hessianscope.data.InMemorySamples;
import org.hessianscope.data.Samples;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.Model;
import org.hessianscope.engine.Network;
import org.hessianscope.task.ProgressMonitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * tr H_F = 0 for the networks HessianScope builds, so tr H = tr H_O exactly and the curvature analysis reports it
 * with no Hutchinson probes: checked on the explicit Hessian and Gauss-Newton matrices of nets with every stage kind
 * (two convs, a max or an average pool replacing the first ReLU, a hidden dense layer with its ReLU, the head).
 * Every stage is piecewise linear, so on an activation pattern a logit is linear in each layer's weights and biases
 * alone and the residual H_F = Σ_k r_k ∇²z_k has a zero diagonal; the explicit matrices must show it.
 */
class ExactHessianTraceTest {
    /** Sums of a few hundred terms of order one: rounding only. */
    private static final double ROUNDING = 1e-11;

    private static Engine engine;

    @BeforeAll
    static void open() {
        engine = new Engine(2);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    /** 1×8×8 inputs: conv 3@3×3 (6×6), a 2×2 pool replacing its ReLU (3×3), conv 2@2×2 (2×2), dense 5 + ReLU, 3 classes. */
    private static ArchitectureSpec spec(PoolType pool) {
        return new ArchitectureSpec(new InputShape(1, 8, 8), List.of(new ConvLayerSpec(3, 3), new ConvLayerSpec(2, 2)),
                true, new PoolSpec(pool, 2, 1), new HeadSpec(List.of(5)), 3);
    }

    private static Model model(ArchitectureSpec spec) {
        Network net = Network.of(spec);
        Random rng = new Random(3);
        double[] theta = new double[net.parameterCount()];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = 0.7 * rng.nextGaussian();
        }
        return new Model(net, theta);
    }

    private static Samples samples(ArchitectureSpec spec, int n) {
        Random rng = new Random(8);
        double[][] x = new double[n][64];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 64; j++) {
                x[i][j] = rng.nextGaussian();
            }
            y[i] = rng.nextInt(3);
        }
        return new InMemorySamples(spec.input(), 3, x, y);
    }

    @ParameterizedTest
    @EnumSource(PoolType.class)
    void residualHasAZeroDiagonalAndTheAnalysisReportsTheExactTrace(PoolType pool) {
        ArchitectureSpec spec = spec(pool);
        Model model = model(spec);
        Samples samples = samples(spec, 10);
        double[][] h = TinyNet.hessian(engine, model, samples);
        double[][] ggn = TinyNet.ggn(engine, model, samples);
        int p = model.parameterCount();
        double trH = 0;
        double trGgn = 0;
        double offDiagonalResidual = 0;
        for (int i = 0; i < p; i++) {
            trH += h[i][i];
            trGgn += ggn[i][i];
            assertEquals(ggn[i][i], h[i][i], ROUNDING, "diagonal of H_F at parameter " + i);
            for (int j = 0; j < p; j++) {
                offDiagonalResidual = Math.max(offDiagonalResidual, Math.abs(h[i][j] - ggn[i][j]));
            }
        }
        // H_F itself is far from zero: only its diagonal vanishes.
        assertTrue(offDiagonalResidual > 1e-2, "a non-trivial H_F: max |entry| " + offDiagonalResidual);
        assertTrue(trGgn > 0.01, "a non-trivial H_O: tr " + trGgn);

        Curvature.Result r = Curvature.run(engine, model, samples, new Curvature.Options(2, 12, 0, false, false, 0, 0, 4),
                ProgressMonitor.NONE, Curvature.Listener.NONE);
        assertEquals(trH, r.trace().trace(), ROUNDING * trH);
        assertEquals(0.0, r.trace().standardError(), 0.0);
        assertEquals(0, r.trace().samples().length);
        Map<String, Object> json = CurvatureReport.toMap(r);
        Map<?, ?> hessian = (Map<?, ?>) json.get("hessian");
        assertEquals(r.trace().trace(), (Double) hessian.get("trace"), 0);
        assertEquals(0.0, (Double) hessian.get("traceStderr"), 0);
        assertEquals(0, hessian.get("traceProbes"));
        assertEquals(r.ggnTrace(), r.trace().trace(), 0, "tr H is tr H_O");
    }
}
