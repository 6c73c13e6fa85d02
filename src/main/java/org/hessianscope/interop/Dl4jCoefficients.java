package org.hessianscope.interop;

import org.hessianscope.io.BoundedText;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Checks a DL4J zip's {@code coefficients.bin} before DL4J reads it. DL4J allocates native memory,
 * outside the Java heap, for whatever length the entry claims; so the claim is read here first and
 * must equal the parameter count of the network the configuration describes, and the entry must
 * hold exactly that many values, no fewer and no extra bytes.
 *
 * <p>The entry is {@code Nd4j.write(params)}: the shape-information buffer, then the data buffer,
 * each written by {@code BaseDataBuffer.write} as {@code writeUTF(allocation mode)},
 * {@code writeLong(length)}, {@code writeUTF(data type)} and the values, big-endian (nd4j-api
 * 1.0.0-M2.1). The shape information is a LONG buffer of {@code 2·rank + 4} values: the rank,
 * the shape, the strides and three flags.
 */
final class Dl4jCoefficients {
    static final String ENTRY = "coefficients.bin";

    private static final Set<String> ALLOCATION_MODES = Set.of("HEAP", "JAVACPP", "DIRECT", "MIXED_DATA_TYPES",
            "LONG_SHAPE");
    /** Bytes per value of the data types a parameter vector can have. */
    private static final Map<String, Integer> VALUE_BYTES = Map.of("DOUBLE", 8, "FLOAT", 4, "HALF", 2, "BFLOAT16", 2);
    private static final int MAX_RANK = 32;

    private Dl4jCoefficients() {
    }

    /** Throws, naming the zip, unless {@code coefficients.bin} holds exactly {@code parameters} values. */
    static void check(ZipFile z, Path zip, long parameters) throws IOException {
        ZipEntry e = z.getEntry(ENTRY);
        String at = zip + ": entry " + ENTRY;
        if (e == null) {
            throw new IOException(zip + ": not a DL4J model: the zip has no " + ENTRY + " (the weights)");
        }
        try (DataInputStream in = new DataInputStream(z.getInputStream(e))) {
            String mode = utf(in, at);
            long shapeLength = in.readLong();
            String shapeType = utf(in, at);
            if (!ALLOCATION_MODES.contains(mode) || !"LONG".equals(shapeType) || shapeLength < 6
                    || shapeLength > 2L * MAX_RANK + 4) {
                throw new IOException(at + " does not start with an ND4J shape buffer (found mode \"" + BoundedText.printable(mode)
                        + "\", type \"" + BoundedText.printable(shapeType) + "\", length " + shapeLength
                        + "); not written by DL4J's ModelSerializer");
            }
            long rank = in.readLong();
            if (rank < 1 || 2 * rank + 4 != shapeLength) {
                throw new IOException(at + " claims rank " + rank + " in a shape buffer of " + shapeLength + " values");
            }
            long claimed = 1;
            StringBuilder shape = new StringBuilder();
            for (int d = 0; d < rank; d++) {
                long n = in.readLong();
                if (n < 0 || (n > 0 && claimed > Long.MAX_VALUE / n)) {
                    throw new IOException(at + " claims a dimension of " + n);
                }
                claimed *= n;
                shape.append(d == 0 ? "" : "×").append(n);
            }
            in.skipNBytes(8 * (shapeLength - 1 - rank));
            if (claimed != parameters) {
                throw new IOException(String.format(Locale.ROOT, "%s claims a %s array of %,d values but the "
                        + "configuration's network has %,d parameters; refused before DL4J allocates it", at, shape,
                        claimed, parameters));
            }
            String dataMode = utf(in, at);
            long length = in.readLong();
            String type = utf(in, at);
            Integer size = VALUE_BYTES.get(type);
            if (!ALLOCATION_MODES.contains(dataMode) || size == null) {
                throw new IOException(at + " has data of type \"" + BoundedText.printable(type) + "\"; parameters are DOUBLE or FLOAT");
            }
            if (length != parameters) {
                throw new IOException(String.format(Locale.ROOT, "%s claims %,d values of data for a %s array of "
                        + "%,d; refused before DL4J allocates it", at, length, shape, parameters));
            }
            long expected = length * size;
            long got = in.skip(expected);
            while (got < expected) {
                long more = in.skip(expected - got);
                if (more <= 0) {
                    if (in.read() < 0) {
                        break;
                    }
                    more = 1;
                }
                got += more;
            }
            if (got < expected) {
                throw new IOException(String.format(Locale.ROOT, "%s is truncated: %,d of its %,d value bytes", at, got,
                        expected));
            }
            if (in.read() >= 0) {
                throw new IOException(at + " has bytes after its " + String.format(Locale.ROOT, "%,d", length)
                        + " values; refused (a valid model's entry ends there)");
            }
        } catch (EOFException ex) {
            throw new IOException(at + " is truncated inside its header", ex);
        }
    }

    private static String utf(DataInputStream in, String at) throws IOException {
        try {
            return in.readUTF();
        } catch (java.io.UTFDataFormatException ex) {
            throw new IOException(at + " does not start with an ND4J buffer header", ex);
        }
    }
}
