package org.hessianscope.curvature;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SummaryTest {
    @Test
    void quantilesInterpolateAsNumpyDoes() {
        // numpy.percentile([3, 1, 4, 1, 5], [50, 95]) = [3.0, 4.8]; max 5 at index 4.
        Summary s = Summary.of(new double[] {3, 1, 4, 1, 5});
        assertEquals(5, s.max(), 0);
        assertEquals(4, s.argmax());
        assertEquals(3.0, s.median(), 1e-15);
        assertEquals(4.8, s.p95(), 1e-12);
    }

    @Test
    void subsetHoldsTheHighestLossesAndSeededRandomOnes() {
        double[] losses = {0.1, 5, 0.2, 0.3, 9, 0.4, 0.5, 0.6};
        int[] s = PerSampleFull.chooseSubset(losses, 3, 2, 1);
        assertEquals(s.length, java.util.Arrays.stream(s).distinct().count());
        assertEquals(true, java.util.Arrays.stream(s).anyMatch(i -> i == 4));
        assertEquals(true, java.util.Arrays.stream(s).anyMatch(i -> i == 1));
        assertEquals(true, s.length >= 3 && s.length <= 5);
        assertEquals(java.util.Arrays.toString(s), java.util.Arrays.toString(PerSampleFull.chooseSubset(losses, 3, 2, 1)));
    }
}
