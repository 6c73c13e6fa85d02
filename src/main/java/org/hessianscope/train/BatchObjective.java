package org.hessianscope.train;

import org.hessianscope.data.Samples;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.LossGradient;
import org.hessianscope.engine.Model;
import org.hessianscope.engine.Network;
import org.hessianscope.engine.Precision;

/**
 * The mean loss of a batch and its gradient at θ. Training needs only this, so
 * the trainer is tested on objectives worked out by hand as well as on the engine.
 */
@FunctionalInterface
public interface BatchObjective {
    LossGradient lossAndGradient(double[] theta, Samples batch);

    /** The network's cross-entropy, evaluated by the engine in float64. */
    static BatchObjective of(Engine engine, Network network) {
        return of(engine, network, Precision.FLOAT64);
    }

    /** The network's cross-entropy, evaluated by the engine in {@code precision}. */
    static BatchObjective of(Engine engine, Network network, Precision precision) {
        return (theta, batch) -> engine.lossAndGradient(new Model(network, theta), batch, precision);
    }
}
