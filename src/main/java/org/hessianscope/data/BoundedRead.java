package org.hessianscope.data;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads what a file's header declares, never trusting the declaration with memory:
 * the buffer grows only as bytes actually arrive, up to the declared size.
 */
final class BoundedRead {
    /**
     * Most bytes a reader accepts for one file: well above full CIFAR-10's training
     * batches (153 MB) and full MNIST (47 MB), well below any heap we run in.
     */
    static final long MAX_BYTES = 512L << 20;

    private static final int FIRST_CHUNK = 1 << 16;

    private BoundedRead() {
    }

    /** Fills {@code buf} as far as the stream allows; returns how many bytes were read. */
    static int upTo(InputStream in, byte[] buf, int off, int len) throws IOException {
        int done = 0;
        while (done < len) {
            int n = in.read(buf, off + done, len - done);
            if (n < 0) {
                break;
            }
            done += n;
        }
        return done;
    }

    /**
     * Exactly {@code declared} bytes followed by the end of the stream, or an error naming
     * {@code file} and saying that the data is {@code what} is short or long.
     */
    static byte[] exactly(String file, InputStream in, long declared, String what) throws IOException {
        if (declared > MAX_BYTES) {
            throw new DatasetFormatException(file, "declares " + what + " of " + declared
                    + " bytes, more than the limit of " + MAX_BYTES + " bytes");
        }
        int size = (int) declared;
        byte[] buf = new byte[Math.min(size, FIRST_CHUNK)];
        int filled = 0;
        while (true) {
            filled += upTo(in, buf, filled, buf.length - filled);
            if (filled == size) {
                break;
            }
            if (filled < buf.length) {
                throw new DatasetFormatException(file, "truncated: declares " + what + " of " + declared
                        + " bytes but the data ends after " + filled);
            }
            byte[] bigger = new byte[(int) Math.min(size, 2L * buf.length)];
            System.arraycopy(buf, 0, bigger, 0, filled);
            buf = bigger;
        }
        if (in.read() >= 0) {
            throw new DatasetFormatException(file, "longer than declared: " + what + " should be "
                    + declared + " bytes but more data follows");
        }
        return buf;
    }
}
