package org.hessianscope.interop;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.ConvLayerSpec;
import org.hessianscope.arch.HeadSpec;
import org.hessianscope.arch.InputShape;
import org.hessianscope.arch.PoolSpec;
import org.hessianscope.arch.PoolType;
import org.hessianscope.data.InMemorySamples;
import org.hessianscope.data.Samples;

import java.util.List;
import java.util.Map;
import java.util.Random;

/** Small specs covering every stage type, with seeded random weights and inputs. */
final class TestNets {

    private TestNets() {
    }

    /** The paper's MNIST net (L = 4, C = 6, k = 3) with a max pool at 2: full-size maps, 10 classes. */
    static final ArchitectureSpec PAPER = ArchitectureSpec.paper(InputShape.MNIST, 4, 6, 3,
            new PoolSpec(PoolType.MAX, 2, 2), 10);

    static final Map<String, ArchitectureSpec> SPECS = Map.of(
            "convOnly", new ArchitectureSpec(new InputShape(1, 8, 8),
                    List.of(new ConvLayerSpec(3, 3), new ConvLayerSpec(2, 2)), false, null, HeadSpec.LINEAR, 4),
            "maxPool", new ArchitectureSpec(new InputShape(1, 9, 9),
                    List.of(new ConvLayerSpec(3, 2), new ConvLayerSpec(2, 2)), false,
                    new PoolSpec(PoolType.MAX, 2, 1), HeadSpec.LINEAR, 3),
            "avgPool", new ArchitectureSpec(new InputShape(2, 8, 7),
                    List.of(new ConvLayerSpec(3, 2), new ConvLayerSpec(2, 2)), false,
                    new PoolSpec(PoolType.AVG, 2, 2), HeadSpec.LINEAR, 3),
            "hiddenHead", new ArchitectureSpec(new InputShape(1, 7, 7),
                    List.of(new ConvLayerSpec(2, 3)), false, null, new HeadSpec(List.of(5, 4)), 3),
            "reluAfterLastConv", new ArchitectureSpec(new InputShape(1, 6, 6),
                    List.of(new ConvLayerSpec(2, 2), new ConvLayerSpec(3, 2)), true, null, new HeadSpec(List.of(3)), 4));

    /** Names of {@link #SPECS}, for parameterised tests. */
    static List<String> names() {
        return SPECS.keySet().stream().sorted().toList();
    }

    /** Uniform in ±1/√fan_in like PyTorch's initialisation, so activations stay of order one. */
    static double[] theta(ArchitectureSpec spec, long seed) {
        Random r = new Random(seed);
        double[] theta = new double[spec.parameterCount()];
        for (var t : spec.parameterLayout().tensors()) {
            int[] shape = t.shape();
            int fanIn = 1;
            if (shape.length > 1) {
                for (int d = 1; d < shape.length; d++) {
                    fanIn *= shape[d];
                }
            }
            double bound = 1 / Math.sqrt(fanIn);
            for (int i = 0; i < t.size(); i++) {
                theta[t.offset() + i] = bound * (2 * r.nextDouble() - 1);
            }
        }
        return theta;
    }

    static Samples samples(ArchitectureSpec spec, int n, long seed) {
        Random r = new Random(seed);
        InputShape s = spec.input();
        double[][] xs = new double[n][s.channels() * s.height() * s.width()];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < xs[i].length; j++) {
                xs[i][j] = r.nextGaussian();
            }
            labels[i] = r.nextInt(spec.classes());
        }
        return new InMemorySamples(s, spec.classes(), xs, labels);
    }

    static double[][] inputs(Samples samples) {
        double[][] xs = new double[samples.size()][];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = samples.input(i);
        }
        return xs;
    }

    static int[] labels(Samples samples) {
        int[] y = new int[samples.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = samples.label(i);
        }
        return y;
    }

    /** ‖a − b‖ / ‖b‖: relative error of a whole vector, robust to individual entries near zero. */
    static double relativeError(double[] a, double[] b) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < a.length; i++) {
            diff += (a[i] - b[i]) * (a[i] - b[i]);
            norm += b[i] * b[i];
        }
        return Math.sqrt(diff / norm);
    }

    static double[] flatten(double[][] rows) {
        return java.util.Arrays.stream(rows).flatMapToDouble(java.util.Arrays::stream).toArray();
    }
}
