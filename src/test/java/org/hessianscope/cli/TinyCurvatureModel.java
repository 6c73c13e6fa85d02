package org.hessianscope.cli;

import org.hessianscope.cli.common.SpecOptions;
import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.InputShape;

import java.util.Random;

/** A network small enough for a full curvature analysis in seconds, shared by the CLI tests. */
public final class TinyCurvatureModel {
    /** L = 1, C = 2, k = 5 with a 2×2 max pool: 52 + 2,890 = 2,942 parameters. */
    public static final ArchitectureSpec SPEC = ArchitectureSpec.paper(InputShape.MNIST, 1, 2, 5,
            SpecOptions.parsePool("max:2@1"), 10);

    private TinyCurvatureModel() {
    }

    /** Seeded weights N(0, 0.1²) for {@code spec}. */
    public static double[] theta(ArchitectureSpec spec, long seed) {
        Random rng = new Random(seed);
        double[] t = new double[spec.parameterCount()];
        for (int i = 0; i < t.length; i++) {
            t[i] = 0.1 * rng.nextGaussian();
        }
        return t;
    }
}
