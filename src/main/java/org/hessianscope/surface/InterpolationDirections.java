package org.hessianscope.surface;

import java.util.List;
import org.hessianscope.task.InvalidSettingException;
import org.hessianscope.task.ProgressMonitor;

/**
 * The line through θ₀ (the weights training started from, the run's {@code init.npz}) and θ̂ (Goodfellow et al.,
 * 2015): v = θ̂ − θ₀, so the coordinate α is the fraction of the way from θ₀ to θ̂ measured from θ̂: α = −1 is θ₀,
 * α = 0 is θ̂ (their α_G = 1 + α). A line only.
 */
public final class InterpolationDirections implements Directions {

    InterpolationDirections() {
    }

    @Override
    public String key() {
        return "interpolation";
    }

    @Override
    public String units() {
        return "fractions of θ̂ − θ₀: −1 is the initial weights θ₀, 0 is θ̂";
    }

    @Override
    public int maxDims() {
        return 1;
    }

    @Override
    public List<Direction> directions(DirectionsInput input, int dims, ProgressMonitor monitor) {
        double[] init = input.init();
        if (init == null) {
            throw new InvalidSettingException("{directions} = interpolation needs the initial weights θ₀ (a run folder's "
                    + "init.npz); give a run trained by HessianScope, or choose hessian or random");
        }
        double[] theta = input.model().theta();
        if (init.length != theta.length) {
            throw new InvalidSettingException("the initial weights have " + init.length + " values but the network has "
                    + theta.length + " parameters");
        }
        double[] v = new double[theta.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = theta[i] - init[i];
        }
        return List.of(new Direction("θ̂ − θ₀", v, Double.NaN));
    }
}
