package org.hessianscope.data;

import org.hessianscope.arch.InputShape;

/**
 * Labelled inputs, already normalised, read one at a time. The engine streams
 * over a {@code Samples} so that memory never grows with the number of samples.
 * Implementations must be safe for concurrent reads.
 */
public interface Samples {

    int size();

    InputShape inputShape();

    /** Number of classes the labels range over (labels are 0..classes-1). */
    int classes();

    int label(int index);

    /** Writes the normalised input {@code index} in (channel, row, column) order into {@code dst} at {@code offset}. */
    void copyInput(int index, double[] dst, int offset);

    default int inputSize() {
        InputShape s = inputShape();
        return s.channels() * s.height() * s.width();
    }

    default double[] input(int index) {
        double[] x = new double[inputSize()];
        copyInput(index, x, 0);
        return x;
    }

    /** The first {@code n} samples, in order. */
    default Samples first(int n) {
        return range(0, n);
    }

    /** Samples {@code from} (inclusive) to {@code to} (exclusive). */
    default Samples range(int from, int to) {
        if (from < 0 || to > size() || from > to) {
            throw new IllegalArgumentException("sample range " + from + ".." + to + " is outside 0.." + size());
        }
        Samples base = this;
        return new Samples() {
            public int size() {
                return to - from;
            }

            public InputShape inputShape() {
                return base.inputShape();
            }

            public int classes() {
                return base.classes();
            }

            public int label(int index) {
                return base.label(from + index);
            }

            public void copyInput(int index, double[] dst, int offset) {
                base.copyInput(from + index, dst, offset);
            }
        };
    }

    /** The samples at {@code indices}, in that order (repeats allowed). */
    default Samples select(int[] indices) {
        int[] idx = indices.clone();
        for (int i : idx) {
            if (i < 0 || i >= size()) {
                throw new IllegalArgumentException("sample index " + i + " is outside 0.." + (size() - 1));
            }
        }
        Samples base = this;
        return new Samples() {
            public int size() {
                return idx.length;
            }

            public InputShape inputShape() {
                return base.inputShape();
            }

            public int classes() {
                return base.classes();
            }

            public int label(int index) {
                return base.label(idx[index]);
            }

            public void copyInput(int index, double[] dst, int offset) {
                base.copyInput(idx[index], dst, offset);
            }
        };
    }
}
