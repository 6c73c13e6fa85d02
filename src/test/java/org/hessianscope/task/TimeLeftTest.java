package org.hessianscope.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

public class TimeLeftTest {
    @Test
    void extrapolatesTheRateOfTheCurrentStep() {
        // A quarter done after 10 s: 30 s more at that rate.
        assertEquals(30.0, TimeLeft.left(10, 0.25), 0.0);
        assertTrue(Double.isNaN(TimeLeft.left(10, 0.005)), "below 1 % nothing is told");
        TimeLeft t = new TimeLeft();
        assertTrue(Double.isNaN(t.update("lossDifference", 0.0, 100)));
        assertEquals(12.0, t.update("lossDifference", 0.4, 108), 1e-12); // 8 s for 40 %: 12 s for 60 %
        // The next step starts its own clock at its first report.
        assertTrue(Double.isNaN(t.update("curvature", 0.0, 110)));
        assertEquals(4.0, t.update("curvature", 0.5, 114), 1e-12);
        // Progress going back within one step name is a restart too.
        assertTrue(Double.isNaN(t.update("curvature", 0.0, 120)));
    }
}
