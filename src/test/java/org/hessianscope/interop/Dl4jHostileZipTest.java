package org.hessianscope.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.cli.HessianScopeCli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 18, cases 1 and 12: hostile DL4J zips through {@code import-dl4j}. The size-checking
 * layer refuses a coefficients.bin whose claim or content disagrees with the configuration before
 * DL4J allocates native memory for it, and a broken configuration is one line naming the zip.
 */
class Dl4jHostileZipTest {
    @TempDir
    Path dir;

    Path valid;
    int parameters;
    final StringWriter err = new StringWriter();

    @BeforeEach
    void exportAModel() throws IOException {
        ArchitectureSpec spec = TestNets.SPECS.get("convOnly");
        parameters = spec.parameterCount();
        valid = dir.resolve("valid.zip");
        Dl4jExport.write(spec, TestNets.theta(spec, 5), valid);
    }

    int importing(Path zip) {
        CommandLine cl = HessianScopeCli.commandLine();
        cl.setErr(new PrintWriter(err, true));
        return cl.execute("import-dl4j", zip.toString(), "--out", dir.resolve("run-" + zip.getFileName()).toString());
    }

    /** A copy of the valid zip with entry {@code name} replaced by {@code edit} of its bytes. */
    Path withEntry(String file, String name, UnaryOperator<byte[]> edit) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(valid))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        entries.put(name, edit.apply(entries.get(name)));
        Path out = dir.resolve(file);
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(out))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out;
    }

    void refusedInOneLine(Path zip, String expected) {
        assertEquals(2, importing(zip), err.toString());
        String message = err.toString().strip();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.startsWith("error: " + zip + ": "), message);
        assertTrue(message.contains(expected), message);
        assertTrue(Files.notExists(dir.resolve("run-" + zip.getFileName())), "nothing written");
    }

    /** coefficients.bin with its shape's last dimension replaced by {@code claim}. */
    static byte[] claiming(byte[] bin, long claim) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bin));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeUTF(in.readUTF());
            long n = in.readLong();
            out.writeLong(n);
            out.writeUTF(in.readUTF());
            long rank = in.readLong();
            out.writeLong(rank);
            for (int d = 0; d < rank; d++) {
                long v = in.readLong();
                out.writeLong(d == rank - 1 ? claim : v);
            }
            out.write(in.readAllBytes());
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theValidModelImports() {
        assertEquals(0, importing(valid), err.toString());
    }

    @Test
    void case1AClaimedShapeLargerThanTheConfigurationIsRefusedBeforeDl4jAllocates() throws IOException {
        Path zip = withEntry("claims.zip", Dl4jCoefficients.ENTRY, b -> claiming(b, 1_000_000_000L));
        refusedInOneLine(zip, String.format(java.util.Locale.ROOT, "entry coefficients.bin claims a 1000000000 array "
                + "of 1,000,000,000 values but the configuration's network has %,d parameters", parameters));
    }

    @Test
    void case1ExtraBytesAfterTheValuesAreRefused() throws IOException {
        Path zip = withEntry("padded.zip", Dl4jCoefficients.ENTRY, b -> {
            byte[] longer = java.util.Arrays.copyOf(b, b.length + (1 << 20));
            return longer;
        });
        refusedInOneLine(zip, "entry coefficients.bin has bytes after its");
    }

    @Test
    void case1ATruncatedEntryIsRefused() throws IOException {
        Path zip = withEntry("short.zip", Dl4jCoefficients.ENTRY, b -> java.util.Arrays.copyOf(b, b.length - 8));
        refusedInOneLine(zip, "entry coefficients.bin is truncated");
    }

    @Test
    void case12GarbageConfigurationNamesTheZip() throws IOException {
        Path zip = withEntry("garbage.zip", "configuration.json", b -> "{{{ not json".getBytes(StandardCharsets.UTF_8));
        refusedInOneLine(zip, "entry configuration.json is not valid JSON");
    }

    @Test
    void case12ADeeplyNestedConfigurationNamesTheZip() throws IOException {
        Path zip = withEntry("deep.zip", "configuration.json",
                b -> ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8));
        refusedInOneLine(zip, "entry configuration.json is not valid JSON");
    }

    @Test
    void case12AWrongTypedFieldIsOneLine() throws IOException {
        Path zip = withEntry("typed.zip", "configuration.json", b -> new String(b, StandardCharsets.UTF_8)
                .replaceFirst("\"nout\" : \\d+", "\"nout\" : \"many\"").getBytes(StandardCharsets.UTF_8));
        String text;
        try (var z = new java.util.zip.ZipFile(zip.toFile())) {
            text = new String(z.getInputStream(z.getEntry("configuration.json")).readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(text.contains("\"nout\" : \"many\""), "the edit took: " + text.substring(0, 300));
        refusedInOneLine(zip, "entry configuration.json is not a DL4J configuration: ");
    }
}
