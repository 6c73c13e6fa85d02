package org.hessianscope.surface;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hessianscope.arch.ParameterLayout;
import org.hessianscope.linalg.Vectors;
import org.hessianscope.task.ProgressMonitor;

/**
 * Seeded Gaussian directions, filter-normalised as Li et al. (2018) do with {@code --xnorm filter --xignore biasbn}
 * ({@code net_plotter.normalize_directions_for_weights}): every filter of a conv weight (its slice along the
 * output-channel axis) and every output row of a dense weight is scaled to the norm of the same filter of θ̂,
 * {@code d *= ‖w‖ / (‖d‖ + 1e-10)}, and every bias is zero. The two directions of a plane are drawn one after the
 * other from one generator and not orthogonalised (as there: in high dimension they are nearly orthogonal, and
 * orthogonalising would undo the normalisation).
 */
public final class RandomDirections implements Directions {
    /** Li et al.'s guard against a zero filter. */
    static final double EPSILON = 1e-10;

    RandomDirections() {
    }

    @Override
    public String key() {
        return "random";
    }

    @Override
    public String units() {
        return "filter-normalised: a step of 1 moves every filter by its own norm at θ̂ (biases fixed)";
    }

    @Override
    public int maxDims() {
        return 2;
    }

    @Override
    public List<Direction> directions(DirectionsInput input, int dims, ProgressMonitor monitor) {
        double[] theta = input.model().theta();
        ParameterLayout layout = input.model().network().layout();
        SplittableRandom rng = new SplittableRandom(input.options().seed());
        List<Direction> out = new ArrayList<>();
        for (int a = 0; a < dims; a++) {
            double[] d = Vectors.gaussian(theta.length, rng);
            filterNormalise(d, theta, layout);
            out.add(new Direction("random direction " + (a + 1), d, Double.NaN));
        }
        return out;
    }

    /** Scales {@code d} in place filter by filter to the norms of {@code theta}'s filters and zeroes the biases. */
    static void filterNormalise(double[] d, double[] theta, ParameterLayout layout) {
        for (ParameterLayout.Tensor t : layout.tensors()) {
            if (t.bias() || t.shape().length <= 1) {
                java.util.Arrays.fill(d, t.offset(), t.offset() + t.size(), 0.0);
                continue;
            }
            int filters = t.shape()[0];
            int width = t.size() / filters;
            for (int f = 0; f < filters; f++) {
                int from = t.offset() + f * width;
                double wn = norm(theta, from, width);
                double dn = norm(d, from, width);
                double scale = wn / (dn + EPSILON);
                for (int i = from; i < from + width; i++) {
                    d[i] *= scale;
                }
            }
        }
    }

    static double norm(double[] x, int from, int length) {
        double s = 0;
        for (int i = from; i < from + length; i++) {
            s += x[i] * x[i];
        }
        return Math.sqrt(s);
    }
}
