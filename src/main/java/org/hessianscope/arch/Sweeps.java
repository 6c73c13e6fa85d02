package org.hessianscope.arch;

import java.util.ArrayList;
import java.util.List;

/** The paper's architecture sweeps: over the number of layers L, the kernel k, the channels C and the pool position. */
public final class Sweeps {
    private Sweeps() {
    }

    /** L = each of {@code layers}, at fixed C and k (the paper: L = 2..7, C = 6, k = 3). */
    public static List<ArchitectureSpec> layers(InputShape input, int classes, int channels, int kernel, int... layers) {
        List<ArchitectureSpec> specs = new ArrayList<>();
        for (int l : layers) {
            specs.add(ArchitectureSpec.paper(input, l, channels, kernel, null, classes));
        }
        return specs;
    }

    /** k = each of {@code kernels}, at fixed L and C (the paper: k = 2..5, L = 4, C = 6). */
    public static List<ArchitectureSpec> kernels(InputShape input, int classes, int layers, int channels, int... kernels) {
        List<ArchitectureSpec> specs = new ArrayList<>();
        for (int k : kernels) {
            specs.add(ArchitectureSpec.paper(input, layers, channels, k, null, classes));
        }
        return specs;
    }

    /** C = each of {@code channels}, at fixed L and k (the paper: C = 6..42 step 6, L = 5, k = 3). */
    public static List<ArchitectureSpec> channels(InputShape input, int classes, int layers, int kernel, int... channels) {
        List<ArchitectureSpec> specs = new ArrayList<>();
        for (int c : channels) {
            specs.add(ArchitectureSpec.paper(input, layers, c, kernel, null, classes));
        }
        return specs;
    }

    /** The pool at each of {@code positions} (1-based nonlinearity index) of {@code base} (the paper: CIFAR-10, C = 12, L = 5, positions 1..4). */
    public static List<ArchitectureSpec> poolPositions(ArchitectureSpec base, PoolType type, int size, int... positions) {
        List<ArchitectureSpec> specs = new ArrayList<>();
        for (int at : positions) {
            specs.add(base.withPool(new PoolSpec(type, size, at)));
        }
        return specs;
    }

    /** {@code from}, {@code from + step}, …, up to and including {@code to}. */
    public static int[] range(int from, int to, int step) {
        if (step < 1 || to < from) {
            throw new IllegalArgumentException("range " + from + ".." + to + " step " + step + " is empty");
        }
        int[] values = new int[(to - from) / step + 1];
        for (int i = 0; i < values.length; i++) {
            values[i] = from + i * step;
        }
        return values;
    }
}
