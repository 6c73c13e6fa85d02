package org.hessianscope.surface;

import java.util.Arrays;

/**
 * One axis of a slice: the direction v in parameter space and the grid coordinates along it. The point of
 * coordinates (α, β) is w = θ̂ + α v₁ + β v₂, so the origin is θ̂ for every direction kind.
 *
 * @param label       what the axis is, for a figure ("Hessian eigenvector 1", "random direction 2", "θ̂ − θ₀")
 * @param coordinates ascending grid coordinates α along v (symmetric about 0, so the middle one is 0 for an odd count)
 * @param vector      the direction v itself (length P, the network's parameter layout), recorded so the figure can
 *                    be reproduced and projected onto
 * @param eigenvalue  the Ritz value of v for {@code hessian} directions, NaN for the others
 */
public record SurfaceAxis(String label, double[] coordinates, double[] vector, double eigenvalue) {

    public int points() {
        return coordinates.length;
    }

    /** ‖v‖₂: 1 for Hessian and trajectory directions, ‖θ̂‖ summed filter by filter for random ones. */
    public double norm() {
        double s = 0;
        for (double x : vector) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SurfaceAxis a && label.equals(a.label) && Arrays.equals(coordinates, a.coordinates)
                && Arrays.equals(vector, a.vector) && Double.compare(eigenvalue, a.eigenvalue) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * label.hashCode() + Arrays.hashCode(coordinates);
    }

    @Override
    public String toString() {
        return "SurfaceAxis[" + label + ", " + coordinates.length + " points, P=" + vector.length
                + ", eigenvalue=" + eigenvalue + "]";
    }
}
