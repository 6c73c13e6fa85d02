package org.hessianscope.figure;

import java.util.Arrays;

/** Points of one curve in drawing order, x ascending. */
public record Curve(double[] x, double[] y) {
    public Curve {
        if (x.length != y.length) {
            throw new IllegalArgumentException("curve has " + x.length + " x values but " + y.length + " y values");
        }
    }

    public int size() {
        return x.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Curve c && Arrays.equals(x, c.x) && Arrays.equals(y, c.y);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(x) + Arrays.hashCode(y);
    }

    @Override
    public String toString() {
        return "Curve[" + x.length + " points]";
    }
}
