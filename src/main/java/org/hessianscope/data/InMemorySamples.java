package org.hessianscope.data;

import org.hessianscope.arch.InputShape;

/** Samples held as doubles, for small sets built in code (tests, single images from the UI). */
public final class InMemorySamples implements Samples {
    private final InputShape shape;
    private final int classes;
    private final double[][] inputs;
    private final int[] labels;

    public InMemorySamples(InputShape shape, int classes, double[][] inputs, int[] labels) {
        if (inputs.length != labels.length) {
            throw new IllegalArgumentException(inputs.length + " inputs but " + labels.length + " labels");
        }
        int size = shape.channels() * shape.height() * shape.width();
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i].length != size) {
                throw new IllegalArgumentException("input " + i + " has " + inputs[i].length + " values; " + shape + " needs " + size);
            }
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label " + labels[i] + " of sample " + i + " is outside 0.." + (classes - 1));
            }
        }
        this.shape = shape;
        this.classes = classes;
        this.inputs = inputs.clone();
        this.labels = labels.clone();
    }

    public int size() {
        return inputs.length;
    }

    public InputShape inputShape() {
        return shape;
    }

    public int classes() {
        return classes;
    }

    public int label(int index) {
        return labels[index];
    }

    public void copyInput(int index, double[] dst, int offset) {
        System.arraycopy(inputs[index], 0, dst, offset, inputs[index].length);
    }
}
