package org.hessianscope.data;

import org.hessianscope.arch.InputShape;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * One split of a dataset, held as its raw uint8 pixels and labels (full MNIST is 47 MB
 * so, against 376 MB as doubles) and normalised as each input is read. Immutable and
 * safe for concurrent reads.
 */
public final class Dataset implements Samples {
    private final DatasetName name;
    private final Split split;
    private final DataSource source;
    private final InputShape shape;
    private final byte[] pixels;
    private final byte[] labels;
    private final int size;
    private final double[][] tables;

    private Dataset(DatasetName name, Split split, DataSource source, RawImages raw, int size) {
        this.name = name;
        this.split = split;
        this.source = source;
        this.shape = raw.shape();
        this.pixels = raw.pixels();
        this.labels = raw.labels();
        this.size = size;
        Normalisation n = name.normalisation();
        this.tables = new double[n.channels()][];
        for (int c = 0; c < tables.length; c++) {
            tables[c] = n.table(c);
        }
    }

    /** A split read from an IDX images file and its labels file. */
    public static Dataset fromIdx(DatasetName name, Split split, DataSource source, DataFile images, DataFile labels)
            throws IOException {
        RawImages raw = IdxReader.read(images, labels, name.inputShape(), name.classes());
        return new Dataset(name, split, source, raw, raw.count());
    }

    /** A split read from CIFAR-10 binary batch files, concatenated in the order given. */
    public static Dataset fromCifar(DatasetName name, Split split, DataSource source, List<DataFile> batches)
            throws IOException {
        if (name.format() != DatasetName.Format.CIFAR10) {
            throw new IllegalArgumentException(name + " is not stored as CIFAR-10 batches");
        }
        RawImages raw = CifarReader.read(batches, name.classes());
        return new Dataset(name, split, source, raw, raw.count());
    }

    public DatasetName name() {
        return name;
    }

    public Split split() {
        return split;
    }

    public DataSource source() {
        return source;
    }

    public Normalisation normalisation() {
        return name.normalisation();
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public InputShape inputShape() {
        return shape;
    }

    @Override
    public int classes() {
        return name.classes();
    }

    @Override
    public int label(int index) {
        Objects.checkIndex(index, size);
        return labels[index];
    }

    @Override
    public void copyInput(int index, double[] dst, int offset) {
        Objects.checkIndex(index, size);
        int plane = shape.height() * shape.width();
        int base = index * plane * tables.length;
        for (int c = 0; c < tables.length; c++) {
            double[] t = tables[c];
            int from = base + c * plane;
            int to = offset + c * plane;
            for (int i = 0; i < plane; i++) {
                dst[to + i] = t[pixels[from + i] & 0xff];
            }
        }
    }

    /** The raw pixel bytes (0..255) of one image in (channel, row, column) order, e.g. to display it. */
    public int[] rawImage(int index) {
        Objects.checkIndex(index, size);
        int n = inputSize();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = pixels[index * n + i] & 0xff;
        }
        return out;
    }

    /**
     * The first {@code n} records in file order ({@code --train-size N}); an error naming
     * both numbers when fewer are available.
     */
    @Override
    public Dataset first(int n) {
        if (n < 0 || n > size) {
            throw new IllegalArgumentException("asked for the first " + n + " records of " + describe()
                    + ", which has " + size);
        }
        return new Dataset(name, split, source, new RawImages(shape, pixels, labels), n);
    }

    /** E.g. "mnist train (embedded subset classpath:/assets/datasets/mnist)". */
    public String describe() {
        return name + " " + split + " (" + source + ")";
    }

    @Override
    public String toString() {
        return describe() + ", " + size + " records";
    }
}
