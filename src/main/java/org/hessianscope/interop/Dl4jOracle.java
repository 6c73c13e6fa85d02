package org.hessianscope.interop;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.data.Samples;
import org.hessianscope.engine.Precision;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/**
 * An independent evaluation of a spec with weights θ by DL4J, to check the
 * engine against. Only plain Java types cross this class's boundary.
 *
 * <p>The gradient of the mean loss comes from DL4J's back-propagation of an
 * external error: epsilon = (softmax(z) − onehot(y)) / n at the logits. DL4J
 * sums parameter gradients over the batch (its score is a mean, its gradient is
 * not), so the 1/n lives in epsilon. Not thread-safe: a DL4J network holds its
 * activations between the forward and the backward pass.
 */
public final class Dl4jOracle {

    private final ArchitectureSpec spec;
    private final MultiLayerNetwork net;

    private Dl4jOracle(ArchitectureSpec spec, MultiLayerNetwork net) {
        this.spec = spec;
        this.net = net;
    }

    public static Dl4jOracle of(ArchitectureSpec spec, double[] theta) {
        return of(spec, theta, Precision.FLOAT64);
    }

    /** DL4J computing in {@code precision}: float32 is the independent check of the engine's float32 training pass. */
    public static Dl4jOracle of(ArchitectureSpec spec, double[] theta, Precision precision) {
        return new Dl4jOracle(spec, Dl4jNetworks.build(spec, theta, Dl4jNetworks.Head.LOGITS, precision));
    }

    public ArchitectureSpec spec() {
        return spec;
    }

    /** θ as DL4J holds it, mapped back to our layout (equals the θ given, if the mapping is right). */
    public double[] theta() {
        return Dl4jParameters.read(spec, net);
    }

    /** Logits of each input; row i belongs to input i. */
    public double[][] logits(double[][] inputs) {
        INDArray z = net.output(batch(inputs), false);
        return z.toDoubleMatrix();
    }

    public double[][] logits(Samples samples) {
        return logits(inputs(samples));
    }

    /** ℓ_i = logsumexp(z_i) − z_i[y_i] from DL4J's logits. */
    public double[] perSampleLosses(Samples samples) {
        double[][] z = logits(samples);
        double[] losses = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            losses[i] = CrossEntropy.loss(z[i], samples.label(i));
        }
        return losses;
    }

    /** Gradient of the mean loss over {@code samples} with respect to θ, in our layout. */
    public double[] meanLossGradient(Samples samples) {
        int n = samples.size();
        if (n == 0) {
            throw new IllegalArgumentException("the gradient of a mean loss needs at least one sample");
        }
        INDArray x = batch(inputs(samples));
        // backpropGradient reads every layer's input from the forward pass: feedForward(x, train) clears them
        // afterwards, feedForward(train, clearInputs = false) keeps them.
        net.setInput(x);
        List<INDArray> activations = net.feedForward(false, false);
        double[][] z = activations.get(activations.size() - 1).toDoubleMatrix();
        double[][] eps = new double[n][];
        for (int i = 0; i < n; i++) {
            eps[i] = CrossEntropy.lossGradient(z[i], samples.label(i));
            for (int k = 0; k < eps[i].length; k++) {
                eps[i][k] /= n;
            }
        }
        Pair<Gradient, INDArray> result = net.backpropGradient(Nd4j.create(eps).castTo(x.dataType()),
                LayerWorkspaceMgr.noWorkspaces());
        Gradient g = result.getFirst();
        // The arrays are views of a buffer that the next backward pass overwrites: copy before use.
        double[] gradient = Dl4jParameters.read(spec, Dl4jParameters.layerIndex(spec), key -> {
            INDArray a = g.getGradientFor(key);
            return a == null ? null : a.dup();
        });
        net.clear();
        return gradient;
    }

    private double[][] inputs(Samples samples) {
        double[][] xs = new double[samples.size()][];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = samples.input(i);
        }
        return xs;
    }

    private INDArray batch(double[][] inputs) {
        int c = spec.input().channels();
        int h = spec.input().height();
        int w = spec.input().width();
        int size = c * h * w;
        double[] flat = new double[inputs.length * size];
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i].length != size) {
                throw new IllegalArgumentException("input " + i + " has " + inputs[i].length + " values; "
                        + c + "×" + h + "×" + w + " needs " + size);
            }
            System.arraycopy(inputs[i], 0, flat, i * size, size);
        }
        return Nd4j.create(flat, new long[] {inputs.length, c, h, w}, 'c').castTo(net.params().dataType());
    }
}
