package org.hessianscope.curvature;

import org.hessianscope.data.Samples;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.Model;
import org.hessianscope.task.ProgressMonitor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The per-sample ‖H_i‖ and ‖H_F,i‖ runs reuse each sample's kept forward pass; their norms must be, bit for bit,
 * those of Lanczos on operators that recompute every pass, and ‖H_i‖ that of the explicit single-sample Hessian.
 */
class PerSampleFullKeptTest {
    @Test
    void keptPassesGiveTheRecomputedNormsBitForBit() {
        Model model = TinyNet.model(2);
        Samples samples = TinyNet.samples(9, 5);
        LanczosOptions lanczos = new LanczosOptions(40, 1, 1, LanczosOptions.DEFAULT_TOLERANCE, 3, false);
        try (Engine engine = new Engine(2)) {
            PerSampleFull.Result r = PerSampleFull.compute(engine, model, samples,
                    new PerSampleFull.Options(3, 2, lanczos, 3), ProgressMonitor.NONE);
            assertTrue(r.entries().length >= 3, "3 random and 2 highest-loss samples, some maybe shared");
            for (PerSampleFull.Entry e : r.entries()) {
                Samples one = samples.select(new int[] {e.index()});
                LanczosOptions counts = lanczos.withCounts(1, 1);
                double h = Lanczos.run(engine.hessianOperator(model, one), counts, ProgressMonitor.NONE, s -> { })
                        .largestMagnitude();
                double f = Lanczos.run(engine.residualOperator(model, one), counts, ProgressMonitor.NONE, s -> { })
                        .largestMagnitude();
                assertEquals(Double.doubleToLongBits(h), Double.doubleToLongBits(e.hessianNorm()), "‖H_i‖ of " + e.index());
                assertEquals(Double.doubleToLongBits(f), Double.doubleToLongBits(e.residualNorm()), "‖H_F,i‖ of " + e.index());
                double explicit = TinyNet.spectralNorm(TinyNet.hessian(engine, model, one));
                assertEquals(explicit, e.hessianNorm(), 1e-8 * explicit, "‖H_i‖ against the explicit Hessian");
            }
        }
    }
}
