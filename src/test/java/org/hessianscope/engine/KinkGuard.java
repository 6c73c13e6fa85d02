package org.hessianscope.engine;

import org.hessianscope.data.Samples;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Certifies that a finite-difference step crossed no ReLU or max-pool kink: the loss is
 * smooth in θ only while every sample's on/off and argmax pattern stays the same.
 */
public final class KinkGuard {
    private KinkGuard() {
    }

    static int[][] patterns(Network network, double[] theta, Samples samples) {
        Workspace ws = new Workspace(network);
        int[][] out = new int[samples.size()][];
        for (int i = 0; i < samples.size(); i++) {
            ws.load(samples, i);
            ws.forward(theta);
            out[i] = ws.pattern();
        }
        return out;
    }

    /** Fails unless θ ± h v has the same pattern as θ for every sample. */
    public static void assertNoKinkBetween(Network network, double[] theta, double h, double[] v, Samples samples) {
        int[][] at = patterns(network, theta, samples);
        for (double sign : new double[] {-1, 1}) {
            int[][] moved = patterns(network, Vectors.step(theta, sign * h, v), samples);
            for (int i = 0; i < at.length; i++) {
                if (!Arrays.equals(at[i], moved[i])) {
                    fail("step " + sign * h + " changes the ReLU/pool pattern of sample " + i
                            + "; pick a smaller step or another seed");
                }
            }
        }
    }
}
