package org.hessianscope.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/** Writes dataset files byte by byte from the format descriptions, for the tests. */
final class TestFiles {
    private TestFiles() {
    }

    /** The pixel the tests put at byte {@code p} of image {@code i}: {@code (7i + p) mod 256}. */
    static int pixel(int image, int p) {
        return (7 * image + p) % 256;
    }

    /** An IDX images file: magic 0x00000803, count, rows, cols, then {@link #pixel} bytes. */
    static byte[] idxImages(int count, int rows, int cols) {
        ByteBuffer b = ByteBuffer.allocate(16 + count * rows * cols);
        b.putInt(0x00000803).putInt(count).putInt(rows).putInt(cols);
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < rows * cols; p++) {
                b.put((byte) pixel(i, p));
            }
        }
        return b.array();
    }

    /** An IDX images file of 28x28 images with seeded random pixels (so that gzip cannot shrink it much). */
    static byte[] randomIdxImages(int count, long seed) {
        byte[] b = idxImages(count, 28, 28);
        byte[] noise = new byte[count * 784];
        new java.util.Random(seed).nextBytes(noise);
        System.arraycopy(noise, 0, b, 16, noise.length);
        return b;
    }

    /** An IDX labels file: magic 0x00000801, count, then one byte a label. */
    static byte[] idxLabels(int... labels) {
        ByteBuffer b = ByteBuffer.allocate(8 + labels.length);
        b.putInt(0x00000801).putInt(labels.length);
        for (int l : labels) {
            b.put((byte) l);
        }
        return b.array();
    }

    /** CIFAR-10 records: label, then 1024 R, 1024 G, 1024 B bytes; pixel byte p of record r is {@link #pixel}(r + first, p). */
    static byte[] cifar(int first, int... labels) {
        ByteBuffer b = ByteBuffer.allocate(labels.length * 3073);
        for (int r = 0; r < labels.length; r++) {
            b.put((byte) labels[r]);
            for (int p = 0; p < 3072; p++) {
                b.put((byte) pixel(first + r, p));
            }
        }
        return b.array();
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String sha256(byte[] data) {
        return digest("SHA-256", data);
    }

    static String digest(String algorithm, byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    /** A tiny IDX dataset folder: train 3 images (labels 3, 0, 9), test 2 (labels 1, 2), gzipped or plain. */
    static Path tinyIdxDir(Path dir, boolean gz) throws IOException {
        String ext = gz ? ".gz" : "";
        write(dir.resolve("train-images-idx3-ubyte" + ext), maybeGzip(idxImages(3, 28, 28), gz));
        write(dir.resolve("train-labels-idx1-ubyte" + ext), maybeGzip(idxLabels(3, 0, 9), gz));
        write(dir.resolve("t10k-images-idx3-ubyte" + ext), maybeGzip(idxImages(2, 28, 28), gz));
        write(dir.resolve("t10k-labels-idx1-ubyte" + ext), maybeGzip(idxLabels(1, 2), gz));
        return dir;
    }

    private static byte[] maybeGzip(byte[] data, boolean gz) {
        return gz ? gzip(data) : data;
    }
}
