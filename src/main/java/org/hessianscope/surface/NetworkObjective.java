package org.hessianscope.surface;

import java.util.function.IntFunction;
import org.hessianscope.curvature.PerSampleGgn;
import org.hessianscope.data.Samples;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.LossGradient;
import org.hessianscope.engine.Model;
import org.hessianscope.engine.Network;
import org.hessianscope.task.ProgressMonitor;

/** The per-sample cross-entropy of a network over the first N training samples, on the engine's pool. */
public final class NetworkObjective implements PerSampleObjective {
    private final Engine engine;
    private final Network network;
    private final Samples samples;

    public NetworkObjective(Engine engine, Network network, Samples samples) {
        this.engine = engine;
        this.network = network;
        this.samples = samples;
    }

    @Override
    public int parameterCount() {
        return network.parameterCount();
    }

    @Override
    public int size() {
        return samples.size();
    }

    @Override
    public double[] losses(double[] w, ProgressMonitor monitor) {
        return engine.perSampleLosses(new Model(network, w), samples, monitor);
    }

    @Override
    public SampleTaylor taylor(int i, double[] w, double[][] vs) {
        Model model = new Model(network, w);
        Samples one = samples.select(new int[] {i});
        LossGradient lg = engine.lossAndGradient(model, one);
        double[][] hv = vs.length == 0 ? new double[0][] : engine.hvpAll(model, one, vs);
        return new SampleTaylor(lg.loss(), lg.gradient(), hv);
    }

    /**
     * tr H_i = tr H_O,i = tr(A_i J_i J_iᵀ) from the sample's logit Jacobian, as the curvature analysis takes the
     * exact trace: every stage (conv, dense, ReLU, max or average pool) is piecewise linear, so on each activation
     * pattern a logit is linear in each parameter alone and the diagonal of H_F,i = Σ_k r_k ∇²z_k is zero.
     */
    @Override
    public double hessianTrace(int i, double[] w) {
        Model model = new Model(network, w);
        return PerSampleGgn.of(engine, model, samples.input(i), network.layout().weightMask()).trace();
    }

    @Override
    public void forEach(int n, ProgressMonitor monitor, IntFunction<String> work) {
        engine.forEachItem(n, Math.max(1, engine.threads()), monitor, work);
    }

    @Override
    public void filterNormalise(double[] d, double[] theta) {
        RandomDirections.filterNormalise(d, theta, network.layout());
    }
}
