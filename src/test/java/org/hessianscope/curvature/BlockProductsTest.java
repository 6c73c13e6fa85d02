package org.hessianscope.curvature;

import org.hessianscope.linalg.Vectors;
import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.InputShape;
import org.hessianscope.arch.PoolSpec;
import org.hessianscope.arch.PoolType;
import org.hessianscope.data.Samples;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.EngineBenchmark;
import org.hessianscope.engine.Model;
import org.hessianscope.engine.Network;
import org.hessianscope.linalg.SymmetricOperator;
import org.hessianscope.task.ProgressMonitor;
import org.hessianscope.train.PyTorchInit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * Products with a block of vectors (one forward pass per sample for all of them) change no number: each
 * H v_j has the bits of its own {@code hvp}, and the spectral density whose probes step side by side has
 * the bits of the density made probe by probe.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BlockProductsTest {
    private final Engine engine = new Engine(2);
    private final ArchitectureSpec spec = ArchitectureSpec.paper(new InputShape(1, 10, 10), 3, 3, 3,
            new PoolSpec(PoolType.MAX, 2, 2), 4);
    private final Model model = new Model(Network.of(spec), PyTorchInit.initialise(spec, 3));
    private final Samples samples = EngineBenchmark.randomSamples(spec, 37, 4);

    @AfterAll
    void close() {
        engine.close();
    }

    @Test
    void hvpAllGivesTheBitsOfEachHvp() {
        SplittableRandom rng = new SplittableRandom(5);
        double[][] vs = new double[4][];
        for (int j = 0; j < vs.length; j++) {
            vs[j] = Vectors.gaussian(model.parameterCount(), rng);
        }
        double[][] all = engine.hvpAll(model, samples, vs);
        for (int j = 0; j < vs.length; j++) {
            assertArrayEquals(engine.hvp(model, samples, vs[j]), all[j], 0.0, "vector " + j);
        }
    }

    @Test
    void densityWithProbesSideBySideEqualsProbeByProbe() {
        SymmetricOperator h = engine.hessianOperator(model, samples);
        // The same operator without its block product: probes then run one product at a time.
        SymmetricOperator single = new SymmetricOperator() {
            public int dimension() {
                return h.dimension();
            }

            public void apply(double[] v, double[] out) {
                h.apply(v, out);
            }
        };
        SpectralDensity.Options options = new SpectralDensity.Options(5, 12, 0.01, 200, SpectralDensity.Probe.RADEMACHER, 6);
        SpectralDensity.Result together = SpectralDensity.estimate(h, options, ProgressMonitor.NONE, s -> { });
        SpectralDensity.Result alone = SpectralDensity.estimate(single, options, ProgressMonitor.NONE, s -> { });
        for (int p = 0; p < 5; p++) {
            assertArrayEquals(alone.quadratures()[p].nodes(), together.quadratures()[p].nodes(), 0.0);
            assertArrayEquals(alone.quadratures()[p].weights(), together.quadratures()[p].weights(), 0.0);
        }
        assertArrayEquals(alone.values(), together.values(), 0.0);
    }

    @Test
    void traceWithProbesInBlocksEqualsProbeByProbe() {
        SymmetricOperator h = engine.hessianOperator(model, samples);
        SymmetricOperator single = new SymmetricOperator() {
            public int dimension() {
                return h.dimension();
            }

            public void apply(double[] v, double[] out) {
                h.apply(v, out);
            }
        };
        // 13 probes: one full block and a partial one.
        Hutchinson.Options options = new Hutchinson.Options(13, 7);
        Hutchinson.Result together = Hutchinson.estimate(h, options);
        Hutchinson.Result alone = Hutchinson.estimate(single, options);
        assertArrayEquals(alone.samples(), together.samples(), 0.0);
        assertArrayEquals(new double[] {alone.trace(), alone.standardError()},
                new double[] {together.trace(), together.standardError()}, 0.0);
    }
}
