package org.hessianscope.train;

import org.hessianscope.Tolerances;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdamTest {

    static final double TOL = Tolerances.ULPS_F64;

    @Test
    void firstStepsOnAQuadraticMatchTheFormulaWorkedByHand() {
        // f(θ) = θ², g = 2θ, θ₀ = 1, lr 0.1, β = (0.9, 0.999), ε = 1e-8.
        // Step 1 by hand: m = 0.2, v = 0.004, m̂ = 2, √v̂ = √(0.004/0.001) = 2, θ₁ = 1 − 0.1·2/(2 + 1e-8) = 0.9000000005.
        // Steps 2 and 3: the same formula evaluated with 40-digit decimals (Python's decimal module).
        double[] expected = {0.9000000004999999975, 0.8004122286917921452, 0.7015862729460295452};
        Adam adam = new Adam(1, 0.1, 0.9, 0.999, 1e-8);
        double[] theta = {1};
        for (int t = 0; t < 3; t++) {
            adam.step(theta, new double[] {2 * theta[0]});
            assertEquals(expected[t], theta[0], TOL, "θ after step " + (t + 1));
        }
        assertEquals(3, adam.steps());
    }

    @Test
    void firstStepIsTheLearningRateTimesTheSignWhateverTheGradientScale() {
        // After one step m̂ = g and √v̂ = |g|, so Δθ = −lr·g/(|g| + ε) for every coordinate.
        Adam adam = new Adam(4, 1e-3, 0.9, 0.999, 1e-8);
        double[] theta = {0, 0, 0, 0};
        adam.step(theta, new double[] {1e-3, 5, -200, 0});
        assertEquals(-1e-3 * 1e-3 / (1e-3 + 1e-8), theta[0], 1e-18);
        assertEquals(-1e-3 * 5 / (5 + 1e-8), theta[1], 1e-18);
        assertEquals(1e-3 * 200 / (200 + 1e-8), theta[2], 1e-18);
        assertEquals(0, theta[3], "a zero gradient does not move the weight");
    }

    @Test
    void convergesOnAnIllConditionedQuadratic() {
        // f = ½(θ₀² + 1000 θ₁²): Adam's per-coordinate scaling reaches the minimum of both coordinates.
        Adam adam = new Adam(2, 0.05, 0.9, 0.999, 1e-8);
        double[] theta = {3, -2};
        for (int t = 0; t < 2000; t++) {
            adam.step(theta, new double[] {theta[0], 1000 * theta[1]});
        }
        assertTrue(Math.abs(theta[0]) < 1e-2 && Math.abs(theta[1]) < 1e-2, theta[0] + ", " + theta[1]);
    }

    @Test
    void rejectsAGradientOfTheWrongLength() {
        Adam adam = new Adam(3, 1e-3, 0.9, 0.999, 1e-8);
        assertEquals("Adam over 3 parameters got θ of 3 and a gradient of 2",
                assertThrows(IllegalArgumentException.class, () -> adam.step(new double[3], new double[2])).getMessage());
    }

    @Test
    void optionsNameTheBadValue() {
        assertEquals("epochs = 0 must be at least 1",
                assertThrows(IllegalArgumentException.class, () -> TrainingOptions.paper(0, 1)).getMessage());
        assertEquals("learning rate = NaN must be a positive number", assertThrows(IllegalArgumentException.class,
                () -> new TrainingOptions(1, 64, Double.NaN, 0.9, 0.999, 1e-8, 1)).getMessage());
        TrainingOptions p = TrainingOptions.paper(10, 7);
        assertEquals(new TrainingOptions(10, 64, 1e-3, 0.9, 0.999, 1e-8, 7), p);
    }
}
