package org.hessianscope.task;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RemainingTimeTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void theRestGoesAtTheMeasuredPace() {
        // 3 units of 12 in 1.5 s: the 9 left take 4.5 s.
        assertEquals(4.5, RemainingTime.seconds(3, 12, 3, 1.5), 1e-15);
        // Measured on a later stretch than from zero: 0.5 s for 2 units, 6 left → 1.5 s.
        assertEquals(1.5, RemainingTime.seconds(6, 12, 2, 0.5), 1e-15);
        assertEquals(0.0, RemainingTime.seconds(13, 12, 2, 0.5), 0.0, "past the end nothing is left");
        assertThrows(IllegalArgumentException.class, () -> RemainingTime.seconds(1, 2, 0, 1));
    }

    @Test
    void estimatesFromTheMarkOnlyOnceEnoughIsMeasured() {
        RemainingTime r = new RemainingTime();
        long t0 = 100 * SECOND;
        assertFalse(r.marked());
        assertTrue(Double.isNaN(r.secondsLeft(0.5, t0)), "no estimate before the mark");
        // The cold start took 0.1 of the job: the pace is measured from the mark only, after its warm-up.
        r.mark(0.05, t0 - 50 * SECOND);
        assertTrue(r.marked());
        assertTrue(Double.isNaN(r.secondsLeft(0.05 + RemainingTime.WARM_UP / 2, t0 - 10 * SECOND)), "warming up");
        assertTrue(Double.isNaN(r.secondsLeft(0.1, t0)), "the warm-up's end starts the timing");
        assertTrue(Double.isNaN(r.secondsLeft(0.1 + RemainingTime.MIN_FRACTION / 2, t0 + 2 * SECOND)),
                "too little of the job since the mark");
        assertTrue(Double.isNaN(r.secondsLeft(0.2, t0 + SECOND / 10)), "too short a time since the mark");
        // 0.1 of the job in 2 s since the mark: 0.8 left take 16 s.
        assertEquals(16.0, r.secondsLeft(0.2, t0 + 2 * SECOND), 1e-12);
        // Asked again later the pace is remeasured: 0.5 in 4 s, 0.4 left → 3.2 s.
        assertEquals(3.2, r.secondsLeft(0.6, t0 + 4 * SECOND), 1e-12);
    }
}
