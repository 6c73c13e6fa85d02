package org.hessianscope.engine;

import org.hessianscope.arch.ParameterLayout;

import java.util.Arrays;

/**
 * A network with a flat parameter vector θ laid out as {@link org.hessianscope.arch.ParameterLayout}.
 * θ is checked once here (length, finiteness) so that every analysis can trust it.
 * The array is shared, not copied, for speed: treat {@link #theta()} as read-only.
 */
public final class Model {
    private final Network network;
    private final double[] theta;

    public Model(Network network, double[] theta) {
        if (theta.length != network.parameterCount()) {
            throw new IllegalArgumentException("weights have " + theta.length + " values but the network needs "
                    + network.parameterCount());
        }
        for (int i = 0; i < theta.length; i++) {
            if (!Double.isFinite(theta[i])) {
                throw new IllegalArgumentException("weight " + i + " (" + network.layout().nameOf(i) + ") is " + theta[i]
                        + "; weights must be finite");
            }
        }
        this.network = network;
        this.theta = theta;
    }

    public Network network() {
        return network;
    }

    public double[] theta() {
        return theta;
    }

    public int parameterCount() {
        return theta.length;
    }

    /** A copy of the named tensor's values (e.g. {@code conv2.weight}), flat and row-major. */
    public double[] tensor(String name) {
        ParameterLayout.Tensor t = lookup(name);
        return Arrays.copyOfRange(theta, t.offset(), t.offset() + t.size());
    }

    /** A new model equal to this one except for the named tensor, given flat and row-major. */
    public Model withTensor(String name, double[] values) {
        ParameterLayout.Tensor t = lookup(name);
        if (values.length != t.size()) {
            throw new IllegalArgumentException(name + " has shape " + t.shapeString() + " = " + t.size()
                    + " values, not " + values.length);
        }
        double[] copy = theta.clone();
        System.arraycopy(values, 0, copy, t.offset(), values.length);
        return new Model(network, copy);
    }

    private ParameterLayout.Tensor lookup(String name) {
        ParameterLayout layout = network.layout();
        return layout.tensor(name).orElseThrow(() -> new IllegalArgumentException("no parameter tensor named \"" + name
                + "\"; valid: " + layout.tensors().stream().map(ParameterLayout.Tensor::name).toList()));
    }
}
