package org.hessianscope.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads and writes single arrays in NumPy's {@code .npy} format
 * (numpy.lib.format, versions 1.0, 2.0 and 3.0): the magic {@code \x93NUMPY},
 * a version, a little-endian header length (2 bytes in 1.0, 4 in 2.0/3.0), a
 * Python-dict header padded with spaces and a final {@code '\n'} so that the
 * data starts at a multiple of 64 bytes, then the raw values in C order.
 *
 * <p>Reading accepts float64 and float32 in either byte order. Every size
 * declared in the header is checked against the bytes actually present before
 * anything is allocated, so a hostile file cannot ask for more memory than it
 * occupies. Writing uses version 1.0 (2.0 only if the header needs it).
 */
public final class Npy {

    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    private Npy() {
    }

    /** Reads a {@code .npy} file of at most {@code maxBytes} bytes. */
    public static NpyArray read(Path file, long maxBytes) throws IOException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no such .npy file");
        }
        if (size > maxBytes) {
            throw new NpyFormatException(file + ": " + size + " bytes exceeds the limit of " + maxBytes + " bytes");
        }
        byte[] bytes = Files.readAllBytes(file);
        return read(bytes, 0, bytes.length, file.toString());
    }

    public static NpyArray read(Path file) throws IOException {
        return read(file, NpzLimits.DEFAULT.maxEntryBytes());
    }

    /**
     * Parses {@code length} bytes at {@code offset} as one {@code .npy} array.
     * {@code where} names the file (and entry) in error messages.
     */
    public static NpyArray read(byte[] bytes, int offset, int length, String where) throws NpyFormatException {
        if (length < 10) {
            throw new NpyFormatException(where + ": " + length + " bytes is too short for a .npy file (it needs at least the "
                    + "10-byte preamble)");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[offset + i] != MAGIC[i]) {
                throw new NpyFormatException(where + ": not a .npy array (it must start with \\x93NUMPY)");
            }
        }
        int major = bytes[offset + 6] & 0xff;
        int minor = bytes[offset + 7] & 0xff;
        long headerLength;
        int preamble;
        if (major == 1 && minor == 0) {
            headerLength = (bytes[offset + 8] & 0xff) | (bytes[offset + 9] & 0xff) << 8;
            preamble = 10;
        } else if ((major == 2 || major == 3) && minor == 0) {
            if (length < 12) {
                throw new NpyFormatException(where + ": truncated .npy preamble (" + length + " bytes)");
            }
            headerLength = ByteBuffer.wrap(bytes, offset + 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
            preamble = 12;
        } else {
            throw new NpyFormatException(where + ": .npy format version " + major + "." + minor
                    + " is not supported; valid: 1.0, 2.0, 3.0");
        }
        if (preamble + headerLength > length) {
            throw new NpyFormatException(where + ": header length " + headerLength + " runs past the end of the "
                    + length + "-byte array");
        }
        int dataStart = preamble + (int) headerLength;
        String text = new String(bytes, offset + preamble, (int) headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        NpyHeader header = NpyHeader.parse(text, where);
        NpyDtype dtype = NpyDtype.fromDescr(header.descr()).orElseThrow(() -> new NpyFormatException(where
                + ": dtype '" + BoundedText.printable(header.descr()) + "' is not supported; valid: " + NpyDtype.validDescrs()));
        int[] shape = header.shape();
        if (header.fortranOrder() && shape.length > 1) {
            throw new NpyFormatException(where + ": fortran_order True is not supported for shape "
                    + Arrays.toString(shape) + "; save a C-ordered array (numpy.ascontiguousarray)");
        }
        long count = 1;
        for (int d : shape) {
            count *= d;
            if (count > Integer.MAX_VALUE - 8) {
                throw new NpyFormatException(where + ": shape " + Arrays.toString(shape) + " has more than "
                        + (Integer.MAX_VALUE - 8) + " values");
            }
        }
        long dataBytes = count * dtype.itemSize();
        long present = length - dataStart;
        if (dataBytes != present) {
            throw new NpyFormatException(where + ": shape " + Arrays.toString(shape) + " of " + dtype.descr() + " needs "
                    + dataBytes + " data bytes but " + present + " follow the header"
                    + (present < dataBytes ? " (truncated)" : " (trailing bytes)"));
        }
        double[] data = new double[(int) count];
        ByteBuffer buf = ByteBuffer.wrap(bytes, offset + dataStart, (int) dataBytes).order(dtype.order());
        if (dtype.itemSize() == 8) {
            buf.asDoubleBuffer().get(data);
        } else {
            for (int i = 0; i < data.length; i++) {
                data[i] = buf.getFloat();
            }
        }
        return new NpyArray(shape, data, dtype);
    }

    /** The array as {@code .npy} bytes in its own dtype. */
    public static byte[] toBytes(NpyArray array) {
        NpyDtype dtype = array.dtype();
        byte[] header = headerBytes(new NpyHeader(dtype.descr(), false, array.shape()));
        double[] data = array.data();
        byte[] out = new byte[header.length + data.length * dtype.itemSize()];
        System.arraycopy(header, 0, out, 0, header.length);
        ByteBuffer buf = ByteBuffer.wrap(out, header.length, out.length - header.length).order(dtype.order());
        if (dtype.itemSize() == 8) {
            buf.asDoubleBuffer().put(data);
        } else {
            for (double v : data) {
                buf.putFloat((float) v);
            }
        }
        return out;
    }

    public static void write(NpyArray array, OutputStream out) throws IOException {
        out.write(toBytes(array));
    }

    /** Writes a {@code .npy} file atomically (a temporary file renamed into place). */
    public static void write(NpyArray array, Path file) throws IOException {
        AtomicFiles.write(file, toBytes(array));
    }

    /** Magic, version, length and the dict padded with spaces and {@code '\n'} to a multiple of 64 bytes. */
    static byte[] headerBytes(NpyHeader header) {
        byte[] dict = header.toDictText().getBytes(StandardCharsets.ISO_8859_1);
        int version = 1;
        int preamble = 10;
        int total = roundUp(preamble + dict.length + 1);
        if (total - preamble > 0xffff) {
            version = 2;
            preamble = 12;
            total = roundUp(preamble + dict.length + 1);
        }
        byte[] out = new byte[total];
        Arrays.fill(out, (byte) ' ');
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        out[6] = (byte) version;
        out[7] = 0;
        int headerLength = total - preamble;
        if (version == 1) {
            out[8] = (byte) headerLength;
            out[9] = (byte) (headerLength >>> 8);
        } else {
            ByteBuffer.wrap(out, 8, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(headerLength);
        }
        System.arraycopy(dict, 0, out, preamble, dict.length);
        out[total - 1] = '\n';
        return out;
    }

    private static int roundUp(int n) {
        return (n + NpyHeader.ALIGN - 1) / NpyHeader.ALIGN * NpyHeader.ALIGN;
    }
}
