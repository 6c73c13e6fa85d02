package org.hessianscope.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.hessianscope.io.AtomicFiles;
import org.hessianscope.io.FuzzRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18's fuzz extension for the CIFAR-10 tar reader: small ustar archives holding batch files (and
 * an entry named outside the folder) mutated in their headers and bodies. Only
 * {@link DatasetFormatException} may come out, in bounded time and allocation, and nothing is written
 * outside the target folder, whatever the names say.
 */
class TarFuzzTest {
    @TempDir
    Path tmp;

    static byte[] tar(Object... nameAndBody) {
        java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        for (int i = 0; i < nameAndBody.length; i += 2) {
            entries.put((String) nameAndBody[i], (byte[]) nameAndBody[i + 1]);
        }
        return TarBytes.tar(entries);
    }

    static byte[] batch(int records, int label) {
        byte[] b = new byte[records * CifarReader.RECORD];
        for (int r = 0; r < records; r++) {
            b[r * CifarReader.RECORD] = (byte) label;
        }
        return b;
    }

    @Test
    void tarReaderThrowsOnlyDatasetFormatException() throws IOException {
        List<byte[]> corpus = List.of(
                tar("cifar-10-batches-bin/data_batch_1.bin", batch(1, 3),
                        "cifar-10-batches-bin/test_batch.bin", batch(1, 7)),
                tar("data_batch_2.bin", batch(1, 1), "cifar-10-batches-bin/readme.html", "<p>hi</p>".getBytes(
                        StandardCharsets.US_ASCII)),
                tar("../../etc/test_batch.bin", batch(2, 0)));
        Set<String> wanted = Set.of("data_batch_1.bin", "data_batch_2.bin", "test_batch.bin");
        Path outside = tmp.resolve("outside");
        Files.createDirectories(outside);
        Path dir = outside.resolve("a").resolve("b");
        FuzzRun.run("cifar-10 tar", corpus, b -> {
            AtomicFiles.deleteTree(dir);
            Files.createDirectories(dir);
            Set<String> written = TarReader.extract(new ByteArrayInputStream(b), "fuzz.tar", dir, wanted);
            try (var files = Files.list(outside)) {
                if (files.count() != 1) {
                    throw new AssertionError("the tar wrote outside its folder");
                }
            }
            if (!wanted.containsAll(written)) {
                throw new AssertionError("wrote unwanted " + written);
            }
            return written;
        }, List.of(DatasetFormatException.class));
    }
}
