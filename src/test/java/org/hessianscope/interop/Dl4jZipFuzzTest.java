package org.hessianscope.interop;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.hessianscope.io.FuzzRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18's fuzz extension for DL4J zips, through the size-checking layer ({@link Dl4jCoefficients})
 * that stands in front of DL4J, so ND4J is never started: the coefficients entry written as
 * {@code Nd4j.write} writes it, mutated inside a valid zip, and whole zips mutated byte by byte. Only an
 * IOException naming the zip may come out, in bounded time and allocation, whatever the entry claims.
 */
class Dl4jZipFuzzTest {
    /** A small network's parameter count: the configuration's, which the entry must claim exactly. */
    static final int PARAMETERS = 150;

    @TempDir
    Path tmp;

    /** {@code coefficients.bin} of a [1, n] row vector: shape buffer, then data buffer (nd4j-api 1.0.0-M2.1 layout). */
    static byte[] coefficients(String mode, String type, int n) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(mode);
            out.writeLong(8);            // 2·rank + 4 shape values
            out.writeUTF("LONG");
            for (long v : new long[] {2, 1, n, n, 1, 0, 1, 'c'}) {   // rank, shape, strides, three flags
                out.writeLong(v);
            }
            out.writeUTF(mode);
            out.writeLong(n);
            out.writeUTF(type);
            for (int i = 0; i < n; i++) {
                if (type.equals("DOUBLE")) {
                    out.writeDouble(0.01 * i);
                } else {
                    out.writeFloat(0.01f * i);
                }
            }
        }
        return bytes.toByteArray();
    }

    static byte[] zip(byte[] coefficients, boolean deflated) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.putNextEntry(new ZipEntry("configuration.json"));
            z.write("{\"confs\": []}".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            ZipEntry e = new ZipEntry(Dl4jCoefficients.ENTRY);
            if (!deflated) {
                e.setMethod(ZipEntry.STORED);
                e.setSize(coefficients.length);
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(coefficients);
                e.setCrc(crc.getValue());
            }
            z.putNextEntry(e);
            z.write(coefficients);
            z.closeEntry();
        }
        return bytes.toByteArray();
    }

    static List<byte[]> entries() throws IOException {
        return List.of(coefficients("MIXED_DATA_TYPES", "FLOAT", PARAMETERS), coefficients("HEAP", "DOUBLE", PARAMETERS),
                coefficients("JAVACPP", "FLOAT", PARAMETERS));
    }

    /** Checks {@code zipBytes} as import-dl4j does before DL4J reads it. */
    Object check(byte[] zipBytes) throws IOException {
        Path file = tmp.resolve("fuzz.zip");
        Files.write(file, zipBytes);
        try (ZipFile z = Dl4jImport.open(file)) {
            Dl4jCoefficients.check(z, file, PARAMETERS);
            return z;
        } catch (java.util.zip.ZipException e) {
            throw new IOException(file + ": " + e.getMessage(), e);   // as Dl4jImport reports it
        }
    }

    @Test
    void coefficientsEntryThrowsOnlyIOException() throws IOException {
        List<byte[]> corpus = entries();
        // Every other case stored rather than deflated: the entry's real size is then the zip's own claim.
        FuzzRun.run("dl4j coefficients.bin", corpus, FuzzRun.cases(FuzzRun.FULL), FuzzRun.Bounds.SMALL_FILES,
                (b, c) -> check(zip(b, (c & 1) == 0)), List.of(IOException.class));
    }

    @Test
    void wholeZipThrowsOnlyIOException() throws IOException {
        List<byte[]> corpus = List.of(zip(entries().get(0), true), zip(entries().get(1), false));
        FuzzRun.run("dl4j zip", corpus, FuzzRun.cases(FuzzRun.FULL), FuzzRun.Bounds.SMALL_FILES, (b, c) -> check(b),
                List.of(IOException.class));
    }
}
