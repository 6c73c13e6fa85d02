package org.hessianscope.data;

import org.hessianscope.arch.InputShape;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads the IDX format of MNIST and Fashion-MNIST: a big-endian header (magic
 * {@code 0x00000803} for images, {@code 0x00000801} for labels, then one int per
 * dimension) followed by unsigned bytes. A file is gzipped or plain; which is told by
 * the gzip magic bytes, not by the name. Every size in the header is checked against
 * the file before anything is allocated.
 */
public final class IdxReader {
    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;
    private static final int IMAGES_HEADER = 16;
    private static final int LABELS_HEADER = 8;

    private IdxReader() {
    }

    /**
     * Images and labels of one split, checked to agree: {@code shape} must be one channel of
     * the images' rows × columns, and every label lies in 0..classes−1.
     */
    static RawImages read(DataFile images, DataFile labels, InputShape shape, int classes) throws IOException {
        if (shape.channels() != 1) {
            throw new IllegalArgumentException("IDX images are grey (1 channel), not " + shape);
        }
        byte[] pixels = readImages(images, shape.height(), shape.width());
        byte[] labelBytes = readLabels(labels, classes);
        int imageCount = pixels.length / (shape.height() * shape.width());
        if (imageCount != labelBytes.length) {
            throw new DatasetFormatException(labels.name(), "has " + labelBytes.length + " labels but the images file "
                    + images.name() + " has " + imageCount + " images; they must match record for record");
        }
        return new RawImages(shape, pixels, labelBytes);
    }

    /** The pixels of an IDX images file whose images must be {@code rows} × {@code cols}. */
    public static byte[] readImages(DataFile file, int rows, int cols) throws IOException {
        try (Opened o = open(file)) {
            byte[] header = header(file, o.in, IMAGES_HEADER, IMAGES_MAGIC, "images");
            int count = readInt(header, 4);
            int r = readInt(header, 8);
            int c = readInt(header, 12);
            checkCount(file, count, "image");
            if (r != rows || c != cols) {
                throw new DatasetFormatException(file.name(), "unexpected image size " + r + "x" + c
                        + " in the header; expected " + rows + "x" + cols);
            }
            long declared = (long) count * rows * cols;
            checkLength(file, o, IMAGES_HEADER, declared, count + " images of " + rows + "x" + cols);
            return BoundedRead.exactly(file.name(), o.in, declared, count + " images of " + rows + "x" + cols);
        } catch (ZipException | EOFException e) {
            throw corruptGzip(file, e);
        }
    }

    /** The labels of an IDX labels file; every label must lie in 0..classes−1. */
    public static byte[] readLabels(DataFile file, int classes) throws IOException {
        try (Opened o = open(file)) {
            byte[] header = header(file, o.in, LABELS_HEADER, LABELS_MAGIC, "labels");
            int count = readInt(header, 4);
            checkCount(file, count, "label");
            checkLength(file, o, LABELS_HEADER, count, count + " labels");
            byte[] labels = BoundedRead.exactly(file.name(), o.in, count, count + " labels");
            for (int i = 0; i < labels.length; i++) {
                int label = labels[i] & 0xff;
                if (label >= classes) {
                    throw new DatasetFormatException(file.name(), "label " + label + " of record " + i
                            + " is outside 0.." + (classes - 1));
                }
            }
            return labels;
        } catch (ZipException | EOFException e) {
            throw corruptGzip(file, e);
        }
    }

    /** The record count in the header of an IDX images or labels file, reading only the header. */
    public static int count(DataFile file) throws IOException {
        try (Opened o = open(file)) {
            byte[] header = header(file, o.in, LABELS_HEADER, 0, "IDX");
            int magic = readInt(header, 0);
            if (magic != IMAGES_MAGIC && magic != LABELS_MAGIC) {
                checkMagic(file, magic, IMAGES_MAGIC, "images");
            }
            int count = readInt(header, 4);
            checkCount(file, count, "record");
            return count;
        } catch (ZipException | EOFException e) {
            throw corruptGzip(file, e);
        }
    }

    /** A stream over the decompressed bytes; {@code length} is their count, or −1 when only the data can tell. */
    private record Opened(InputStream in, long length) implements AutoCloseable {
        public void close() throws IOException {
            in.close();
        }
    }

    private static Opened open(DataFile file) throws IOException {
        InputStream raw = new BufferedInputStream(file.open(), 1 << 14);
        try {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                return new Opened(new GZIPInputStream(raw, 1 << 14), -1);
            }
            return new Opened(raw, file.length());
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** The header's bytes; a non-zero {@code magic} is checked as soon as its 4 bytes are in. */
    private static byte[] header(DataFile file, InputStream in, int size, int magic, String kind) throws IOException {
        byte[] h = new byte[size];
        int n = BoundedRead.upTo(in, h, 0, Math.min(4, size));
        if (magic != 0 && n == 4) {
            checkMagic(file, readInt(h, 0), magic, kind);
        }
        n += BoundedRead.upTo(in, h, n, size - n);
        if (n < size) {
            throw new DatasetFormatException(file.name(), "truncated: an IDX " + kind + " header needs " + size
                    + " bytes but the data has only " + n);
        }
        return h;
    }

    private static void checkMagic(DataFile file, int magic, int expected, String kind) throws DatasetFormatException {
        if (magic == expected) {
            return;
        }
        String what = magic == IMAGES_MAGIC ? " (an IDX images file)" : magic == LABELS_MAGIC ? " (an IDX labels file)" : "";
        throw new DatasetFormatException(file.name(), String.format(
                "wrong magic number 0x%08x%s; an IDX %s file starts with 0x%08x", magic, what, kind, expected));
    }

    private static void checkCount(DataFile file, int count, String kind) throws DatasetFormatException {
        if (count < 0) {
            throw new DatasetFormatException(file.name(), "negative " + kind + " count " + count + " in the header");
        }
    }

    /** For a file of known length, the header's declaration must account for every byte. */
    private static void checkLength(DataFile file, Opened o, int header, long declared, String what)
            throws DatasetFormatException {
        if (o.length < 0) {
            return;
        }
        long actual = o.length - header;
        if (actual < declared) {
            throw new DatasetFormatException(file.name(), "truncated: the header declares " + what + " (" + declared
                    + " bytes) but only " + actual + " bytes follow it");
        }
        if (actual > declared) {
            throw new DatasetFormatException(file.name(), "the header declares " + what + " (" + declared
                    + " bytes) but " + actual + " bytes follow it");
        }
    }

    private static DatasetFormatException corruptGzip(DataFile file, IOException e) {
        return new DatasetFormatException(file.name(), "corrupt gzip data (" + e.getMessage() + ")", e);
    }

    private static int readInt(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }
}
