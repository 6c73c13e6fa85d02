package org.hessianscope.cli.bench;

import org.hessianscope.landscape.Orderings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The int32 .npy that NumPy reads the benchmark's orderings from, checked byte by byte. */
public class BenchOrderingsTest {

    @Test
    void int32NpyHasNumpysLayout(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.npy");
        BenchOrderings.writeInt32(file, 2, 3, (r, row) -> {
            for (int c = 0; c < 3; c++) {
                row[c] = 10 * r + c - 1; // -1 checks the sign
            }
        });
        byte[] bytes = Files.readAllBytes(file);
        assertEquals((byte) 0x93, bytes[0]);
        assertEquals("NUMPY", new String(bytes, 1, 5, StandardCharsets.US_ASCII));
        assertEquals(1, bytes[6], "format version 1.0");
        int headerLength = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
        assertEquals(0, (10 + headerLength) % 64, "NumPy aligns the data to 64 bytes");
        String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
        assertEquals("{'descr': '<i4', 'fortran_order': False, 'shape': (2, 3), }", header.strip());
        assertEquals('\n', header.charAt(header.length() - 1));
        ByteBuffer data = ByteBuffer.wrap(bytes, 10 + headerLength, 24).order(ByteOrder.LITTLE_ENDIAN);
        int[] values = new int[6];
        data.asIntBuffer().get(values);
        assertArrayEquals(new int[] {-1, 0, 1, 9, 10, 11}, values);
        assertEquals(10 + headerLength + 24, bytes.length);
    }

    @Test
    void rowsAreTheOrderingsLossDifferenceDraws(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("o.npy");
        BenchOrderings.write(file, 7, 3, 50);
        byte[] bytes = Files.readAllBytes(file);
        int headerLength = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
        ByteBuffer data = ByteBuffer.wrap(bytes, 10 + headerLength, 3 * 50 * 4).order(ByteOrder.LITTLE_ENDIAN);
        Orderings orderings = new Orderings(7, 3);
        for (int o = 0; o < 3; o++) {
            int[] row = new int[50];
            data.asIntBuffer().get(row);
            data.position(data.position() + 50 * 4);
            assertArrayEquals(orderings.permutation(o, 50), row, "ordering " + o);
        }
    }
}
