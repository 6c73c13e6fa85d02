package org.hessianscope.train;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.InputShape;
import org.hessianscope.arch.ParameterLayout;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PyTorchInitTest {

    static final ArchitectureSpec PAPER = ArchitectureSpec.paper(InputShape.MNIST, 4, 6, 3, null, 10);

    @Test
    void boundIsOneOverRootFanInAsKaimingUniformWithASqrt5() {
        ParameterLayout layout = PAPER.parameterLayout();
        // conv1: C_in·k·k = 1·3·3 = 9; conv2..4: 6·3·3 = 54; fc1: 6·20·20 = 2400 inputs. Biases share their layer's fan_in.
        assertEquals(1 / 3.0, PyTorchInit.bound(layout, layout.tensor("conv1.weight").orElseThrow()), 1e-16);
        assertEquals(1 / 3.0, PyTorchInit.bound(layout, layout.tensor("conv1.bias").orElseThrow()), 1e-16);
        assertEquals(1 / Math.sqrt(54), PyTorchInit.bound(layout, layout.tensor("conv3.weight").orElseThrow()), 1e-16);
        assertEquals(1 / Math.sqrt(2400), PyTorchInit.bound(layout, layout.tensor("fc1.bias").orElseThrow()), 1e-16);
        // kaiming_uniform_(a=√5): gain = √(2/(1+a²)), bound = √3·gain/√fan_in.
        double a = Math.sqrt(5);
        assertEquals(1 / Math.sqrt(54), Math.sqrt(3) * Math.sqrt(2 / (1 + a * a)) / Math.sqrt(54), 1e-16);
    }

    @Test
    void valuesAreUniformWithinEachLayersBound() {
        ParameterLayout layout = PAPER.parameterLayout();
        double[] theta = PyTorchInit.initialise(PAPER, 42);
        for (ParameterLayout.Tensor t : layout.tensors()) {
            double bound = PyTorchInit.bound(layout, t);
            double[] v = Arrays.copyOfRange(theta, t.offset(), t.offset() + t.size());
            for (double x : v) {
                assertTrue(Math.abs(x) <= bound, t.name() + " value " + x + " outside ±" + bound);
            }
            if (v.length >= 300) {
                // U(−b, b): mean 0 (sd b/√(3n)), variance b²/3 (sd of the estimate ≈ b²·0.298/√n); 5 sd tolerances.
                double mean = Arrays.stream(v).average().orElseThrow();
                double var = Arrays.stream(v).map(x -> x * x).average().orElseThrow();
                assertEquals(0, mean, 5 * bound / Math.sqrt(3 * v.length), t.name());
                assertEquals(bound * bound / 3, var, 5 * 0.298 * bound * bound / Math.sqrt(v.length), t.name());
                assertTrue(Arrays.stream(v).max().orElseThrow() > 0.95 * bound, t.name() + " fills its range");
            }
        }
    }

    @Test
    void sameSeedSameWeights() {
        assertArrayEquals(PyTorchInit.initialise(PAPER, 5), PyTorchInit.initialise(PAPER, 5));
        assertFalse(Arrays.equals(PyTorchInit.initialise(PAPER, 5), PyTorchInit.initialise(PAPER, 6)));
    }
}
