package org.hessianscope.io;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.ParameterLayout;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The weights of a network as an {@code .npz} archive with PyTorch's names and
 * shapes ({@code conv{l}.weight} [C_out, C_in, k, k], {@code conv{l}.bias},
 * {@code fc{j}.weight} [out, in], {@code fc{j}.bias}), mapped to and from the
 * flat θ of {@link ParameterLayout}. A PyTorch {@code state_dict} saved with
 * {@code numpy.savez(path, **{k: v.numpy() for k, v in sd.items()})} reads as is.
 */
public final class WeightsFile {

    private WeightsFile() {
    }

    /**
     * θ for {@code spec} from {@code file}; float32 and float64 arrays are accepted. The spec says
     * how large each tensor is, so no entry may inflate past its float64 size and a header's
     * worth: a zip bomb is refused after a few kilobytes, not after gigabytes.
     */
    public static double[] read(Path file, ArchitectureSpec spec) throws IOException {
        return fromArrays(Npz.read(file, limitsFor(spec.parameterLayout())), spec.parameterLayout(), file.toString());
    }

    /** Room for a .npy header (numpy pads it to 64 bytes; version 2 allows more, never this much for our keys). */
    static final long HEADER_BYTES = 64L << 10;

    /** The most a weights archive for {@code layout} may hold: its largest tensor in float64, its total, its count. */
    public static NpzLimits limitsFor(ParameterLayout layout) {
        long largest = 0;
        long total = 0;
        for (ParameterLayout.Tensor t : layout.tensors()) {
            largest = Math.max(largest, 8L * t.size());
            total += 8L * t.size() + HEADER_BYTES;
        }
        long entry = Math.min(largest + HEADER_BYTES, Integer.MAX_VALUE - 8L);
        // A few entries more than the layout has, so a stray key is named by the key check, not counted here.
        return new NpzLimits(entry, total + 16 * HEADER_BYTES, layout.tensors().size() + 16);
    }

    public static double[] read(Path file, ArchitectureSpec spec, NpzLimits limits) throws IOException {
        return fromArrays(Npz.read(file, limits), spec.parameterLayout(), file.toString());
    }

    /** Writes θ as float64, like the training code keeps it. */
    public static void write(Path file, ArchitectureSpec spec, double[] theta) throws IOException {
        write(file, spec, theta, NpyDtype.FLOAT64_LE);
    }

    /** Writes θ in {@code dtype}; float32 halves the size of shipped sample models (analysis still runs in double). */
    public static void write(Path file, ArchitectureSpec spec, double[] theta, NpyDtype dtype) throws IOException {
        Npz.write(toArrays(spec.parameterLayout(), theta, dtype), file, false);
    }

    /** One array per tensor of the layout, in the layout's order. */
    public static Map<String, NpyArray> toArrays(ParameterLayout layout, double[] theta, NpyDtype dtype) {
        if (theta.length != layout.size()) {
            throw new IllegalArgumentException("θ has " + theta.length + " values but the layout needs " + layout.size());
        }
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        for (ParameterLayout.Tensor t : layout.tensors()) {
            double[] values = Arrays.copyOfRange(theta, t.offset(), t.offset() + t.size());
            arrays.put(t.name(), new NpyArray(t.shape(), values, dtype));
        }
        return arrays;
    }

    /**
     * θ from named arrays. Every missing key, extra key and wrong shape is listed
     * in one message, so that weights for another spec are diagnosed at once.
     */
    public static double[] fromArrays(Map<String, NpyArray> arrays, ParameterLayout layout, String where)
            throws NpyFormatException {
        List<String> problems = new ArrayList<>();
        for (ParameterLayout.Tensor t : layout.tensors()) {
            NpyArray a = arrays.get(t.name());
            if (a == null) {
                problems.add("missing key " + t.name() + " (expected shape " + t.shapeString() + ")");
            } else if (!Arrays.equals(a.shape(), t.shape())) {
                problems.add("key " + t.name() + " has shape " + a.shapeString() + ", expected " + t.shapeString());
            }
        }
        for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
            if (layout.tensor(e.getKey()).isEmpty()) {
                problems.add("unexpected key " + e.getKey() + " (shape " + e.getValue().shapeString() + ")");
            }
        }
        if (!problems.isEmpty()) {
            List<String> names = layout.tensors().stream().map(t -> t.name() + t.shapeString()).toList();
            throw new NpyFormatException(where + ": weights do not fit the spec: " + String.join("; ", problems)
                    + ". The spec needs " + String.join(", ", names));
        }
        double[] theta = new double[layout.size()];
        for (ParameterLayout.Tensor t : layout.tensors()) {
            double[] values = arrays.get(t.name()).data();
            for (int i = 0; i < values.length; i++) {
                if (!Double.isFinite(values[i])) {
                    throw new NpyFormatException(where + ": " + layout.nameOf(t.offset() + i) + " is " + values[i]
                            + "; weights must be finite");
                }
            }
            System.arraycopy(values, 0, theta, t.offset(), values.length);
        }
        return theta;
    }
}
