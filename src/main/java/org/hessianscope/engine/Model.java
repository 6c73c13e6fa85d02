package org.hessianscope.engine;

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
}
