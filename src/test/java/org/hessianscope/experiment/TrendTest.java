package org.hessianscope.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrendTest {
    @Test
    void spearmanByHand() {
        assertEquals(1.0, Trend.spearman(new double[] {1, 2, 3, 4}, new double[] {1, 4, 9, 16}), 1e-15);
        assertEquals(-1.0, Trend.spearman(new double[] {1, 2, 3, 4}, new double[] {4, 3, 2, 1}), 1e-15);
        // y = [1, 1, 2] ranks as [1.5, 1.5, 3]: Σ(dx·dy) = 1.5, Σdx² = 2, Σdy² = 1.5, ρ = 1.5/√3
        assertEquals(1.5 / Math.sqrt(3), Trend.spearman(new double[] {1, 2, 3}, new double[] {1, 1, 2}), 1e-15);
        assertTrue(Double.isNaN(Trend.spearman(new double[] {1, 2}, new double[] {5, 5})));
        assertArrayEquals(new double[] {2.5, 1, 2.5, 4}, Trend.ranks(new double[] {3, 1, 3, 7}));
    }

    @Test
    void directionIsStrict() {
        assertEquals("increasing", Trend.direction(new double[] {1, 2, 5}));
        assertEquals("decreasing", Trend.direction(new double[] {5, 2, 1}));
        assertEquals("mixed", Trend.direction(new double[] {1, 3, 2}));
        assertEquals("mixed", Trend.direction(new double[] {1, 1, 2}));
    }
}
