package org.hessianscope.arch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each named tensor lives in the flat parameter vector. The order and the
 * names are PyTorch's ({@code conv1.weight}, {@code conv1.bias}, …,
 * {@code fc1.weight}, …), each tensor row-major, so that the flat vector and a
 * {@code .npz} archive of the weights list the same numbers in the same order.
 */
public final class ParameterLayout {

    /** One tensor: {@code shape} is [C_out, C_in, k, k] for conv weights, [out, in] for fc weights, [n] for biases. */
    public record Tensor(String name, int[] shape, int offset, boolean bias, String layer) {
        public Tensor {
            shape = shape.clone();
        }

        @Override
        public int[] shape() {
            return shape.clone();
        }

        public int size() {
            int n = 1;
            for (int d : shape) {
                n *= d;
            }
            return n;
        }

        public String shapeString() {
            return Arrays.toString(shape);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Tensor t && t.name.equals(name) && Arrays.equals(t.shape, shape)
                    && t.offset == offset && t.bias == bias && t.layer.equals(layer);
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + Arrays.hashCode(shape) + offset;
        }

        @Override
        public String toString() {
            return name + shapeString() + "@" + offset;
        }
    }

    private final List<Tensor> tensors;
    private final Map<String, Tensor> byName;
    private final int size;

    private ParameterLayout(List<Tensor> tensors) {
        this.tensors = List.copyOf(tensors);
        this.byName = new LinkedHashMap<>();
        for (Tensor t : tensors) {
            byName.put(t.name(), t);
        }
        Tensor last = tensors.get(tensors.size() - 1);
        this.size = last.offset() + last.size();
    }

    public static ParameterLayout of(ArchitectureSpec spec) {
        List<Tensor> tensors = new ArrayList<>();
        int offset = 0;
        for (Stage s : spec.stages()) {
            Optional<int[]> weightShape = s.accept(WEIGHT_SHAPE);
            if (weightShape.isPresent()) {
                // Every parameterised stage has one bias per output unit, the weight shape's first dimension.
                Tensor w = new Tensor(s.name() + ".weight", weightShape.get(), offset, false, s.name());
                offset += w.size();
                Tensor b = new Tensor(s.name() + ".bias", new int[] {weightShape.get()[0]}, offset, true, s.name());
                offset += b.size();
                tensors.add(w);
                tensors.add(b);
            }
        }
        return new ParameterLayout(tensors);
    }

    /** The weight tensor's shape in PyTorch's order, or none for a stage without parameters. */
    private static final Stage.Visitor<Optional<int[]>> WEIGHT_SHAPE = new Stage.Visitor<>() {
        @Override
        public Optional<int[]> conv(Stage.Conv c) {
            return Optional.of(new int[] {c.out().channels(), c.in().channels(), c.kernel(), c.kernel()});
        }

        @Override
        public Optional<int[]> relu(Stage.Relu r) {
            return Optional.empty();
        }

        @Override
        public Optional<int[]> pool(Stage.Pool p) {
            return Optional.empty();
        }

        @Override
        public Optional<int[]> dense(Stage.Dense d) {
            return Optional.of(new int[] {d.outFeatures(), d.inFeatures()});
        }
    };

    public List<Tensor> tensors() {
        return tensors;
    }

    public Optional<Tensor> tensor(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Total number of parameters, the length of the flat vector. */
    public int size() {
        return size;
    }

    /** The tensor and index holding flat position {@code i}, e.g. {@code conv2.weight[3, 1, 0, 2]}. */
    public String nameOf(int i) {
        for (Tensor t : tensors) {
            if (i >= t.offset() && i < t.offset() + t.size()) {
                int r = i - t.offset();
                int[] shape = t.shape();
                int[] idx = new int[shape.length];
                for (int d = shape.length - 1; d >= 0; d--) {
                    idx[d] = r % shape[d];
                    r /= shape[d];
                }
                StringBuilder sb = new StringBuilder(t.name()).append('[');
                for (int d = 0; d < idx.length; d++) {
                    sb.append(d == 0 ? "" : ", ").append(idx[d]);
                }
                return sb.append(']').toString();
            }
        }
        throw new IndexOutOfBoundsException("parameter " + i + " is outside 0.." + (size - 1));
    }

    /** A mask over the flat vector that is true for weights and false for biases (the theorems bound weights only). */
    public boolean[] weightMask() {
        boolean[] mask = new boolean[size];
        for (Tensor t : tensors) {
            if (!t.bias()) {
                Arrays.fill(mask, t.offset(), t.offset() + t.size(), true);
            }
        }
        return mask;
    }
}
