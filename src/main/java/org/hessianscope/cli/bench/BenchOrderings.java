package org.hessianscope.cli.bench;

import org.hessianscope.landscape.Orderings;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Inputs of the loss-difference benchmark: exponential losses (as {@code bench lossdiff}) and the
 * exact orderings {@link org.hessianscope.landscape.LossDifference} draws for a seed, written as an
 * S×N int32 .npy so that NumPy averages over the very same orderings and the curves can be compared.
 */
public final class BenchOrderings {
    private BenchOrderings() {
    }

    static double[] exponentialLosses(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] losses = new double[n];
        for (int i = 0; i < n; i++) {
            losses[i] = -Math.log(1 - rnd.nextDouble());
        }
        return losses;
    }

    /** Row o is ordering o: perm[i] = σ(i+1), 0-based sample indices. */
    static void write(Path file, long seed, int count, int n) throws IOException {
        Orderings orderings = new Orderings(seed, count);
        writeInt32(file, count, n, orderings::fill);
    }

    /** Fills row {@code r} of an int32 matrix. */
    interface Rows {
        void fill(int r, int[] row);
    }

    /** A rows×cols little-endian int32 .npy (the project's Npy writes floating point only). */
    static void writeInt32(Path file, int rows, int cols, Rows content) throws IOException {
        String dict = "{'descr': '<i4', 'fortran_order': False, 'shape': (" + rows + ", " + cols + "), }";
        int unpadded = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
            out.write(header.length() & 0xFF);
            out.write(header.length() >> 8);
            out.write(header.getBytes(StandardCharsets.US_ASCII));
            int[] row = new int[cols];
            ByteBuffer bytes = ByteBuffer.allocate(4 * cols).order(ByteOrder.LITTLE_ENDIAN);
            for (int r = 0; r < rows; r++) {
                content.fill(r, row);
                bytes.clear();
                bytes.asIntBuffer().put(row);
                out.write(bytes.array());
            }
        }
    }
}
