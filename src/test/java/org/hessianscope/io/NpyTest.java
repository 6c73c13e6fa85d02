package org.hessianscope.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

import static org.hessianscope.io.HandWritten.f4le;
import static org.hessianscope.io.HandWritten.f8be;
import static org.hessianscope.io.HandWritten.f8le;
import static org.hessianscope.io.HandWritten.npy;
import static org.hessianscope.io.HandWritten.padded;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NpyTest {

    private static NpyArray read(byte[] b) throws NpyFormatException {
        return Npy.read(b, 0, b.length, "a.npy");
    }

    private static String readError(byte[] b) {
        return assertThrows(NpyFormatException.class, () -> read(b)).getMessage();
    }

    @Test
    void readsVersion1Float64InCOrder() throws Exception {
        byte[] b = npy(1, padded(10, "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }"),
                f8le(0.5, -1.25, 3, 4, 1e-300, 6));
        NpyArray a = read(b);
        assertArrayEquals(new int[] {2, 3}, a.shape());
        assertEquals(NpyDtype.FLOAT64_LE, a.dtype());
        // C order: element [1, 1] is the fifth value written.
        assertEquals(1e-300, a.data()[1 * 3 + 1]);
        assertArrayEquals(new double[] {0.5, -1.25, 3, 4, 1e-300, 6}, a.data());
    }

    @Test
    void readsLiteralIeeeBytes() throws Exception {
        // 1.5 is 0x3FF8000000000000 as a double and 0x3FC00000 as a float; the file stores them little-endian.
        byte[] d = {0, 0, 0, 0, 0, 0, (byte) 0xF8, 0x3F};
        byte[] f = {0, 0, (byte) 0xC0, 0x3F};
        assertArrayEquals(new double[] {1.5}, read(npy(1, padded(10, "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }"), d)).data());
        assertArrayEquals(new double[] {1.5}, read(npy(1, padded(10, "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }"), f)).data());
    }

    @Test
    void readsVersion2Float32WithFourByteHeaderLength() throws Exception {
        byte[] b = npy(2, padded(12, "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), }"),
                f4le(0.1f, 2f, -3f, 1e30f));
        NpyArray a = read(b);
        assertEquals(NpyDtype.FLOAT32_LE, a.dtype());
        // float32 values widen exactly: 0.1f is 0.100000001490116..., not 0.1.
        assertArrayEquals(new double[] {0.1f, 2, -3, 1e30f}, a.data());
        assertTrue(a.data()[0] != 0.1);
    }

    @Test
    void readsVersion3Utf8HeaderBigEndianAndScalar() throws Exception {
        byte[] big = npy(3, padded(12, "{'descr': '>f8', 'shape': (3,), 'fortran_order': False}"), f8be(1, -2, 7.25));
        assertArrayEquals(new double[] {1, -2, 7.25}, read(big).data());
        NpyArray scalar = read(npy(1, padded(10, "{'descr': '<f8', 'fortran_order': False, 'shape': (), }"), f8le(42)));
        assertArrayEquals(new int[0], scalar.shape());
        assertArrayEquals(new double[] {42}, scalar.data());
        // Python 2 NumPy wrote long dimensions with an L suffix and double quotes are a Python string too.
        NpyArray old = read(npy(1, padded(10, "{\"descr\": \"<f8\", \"fortran_order\": False, \"shape\": (2L,), }"), f8le(1, 2)));
        assertArrayEquals(new int[] {2}, old.shape());
        // An empty array is valid: shape (0, 3) holds no values.
        assertEquals(0, read(npy(1, padded(10, "{'descr': '<f8', 'fortran_order': False, 'shape': (0, 3), }"), new byte[0])).data().length);
        // fortran_order True on a 1-D array is the same layout, so it is accepted.
        assertArrayEquals(new double[] {5, 6}, read(npy(1, padded(10, "{'descr': '<f8', 'fortran_order': True, 'shape': (2,), }"), f8le(5, 6))).data());
    }

    @Test
    void writtenHeaderFollowsTheSpecification() throws Exception {
        byte[] b = Npy.toBytes(NpyArray.of(new int[] {2, 3}, new double[] {1.5, 2, 3, 4, 5, 6}));
        assertEquals(0x93, b[0] & 0xff);
        assertEquals("NUMPY", new String(b, 1, 5, StandardCharsets.US_ASCII));
        assertEquals(1, b[6]);
        assertEquals(0, b[7]);
        int headerLength = (b[8] & 0xff) | (b[9] & 0xff) << 8;
        assertEquals(0, (10 + headerLength) % 64, "data must start at a multiple of 64");
        String header = new String(b, 10, headerLength, StandardCharsets.ISO_8859_1);
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }";
        assertTrue(header.startsWith(dict), header);
        assertTrue(header.endsWith("\n"), "header ends with a newline");
        assertEquals(" ".repeat(headerLength - dict.length() - 1), header.substring(dict.length(), headerLength - 1));
        // 10-byte preamble + 59-character dict + newline = 70, padded to the next multiple of 64.
        assertEquals(59, dict.length());
        assertEquals(128, 10 + headerLength);
        assertEquals(128 + 6 * 8, b.length);
        // 1.5 little-endian at the start of the data.
        assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0, (byte) 0xF8, 0x3F}, Arrays.copyOfRange(b, 128, 136));
    }

    @Test
    void writesOneDimensionalShapeWithTrailingCommaAndFloat32() throws Exception {
        byte[] b = Npy.toBytes(new NpyArray(new int[] {2}, new double[] {1.5, -0.1}, NpyDtype.FLOAT32_LE));
        String header = new String(b, 10, 118, StandardCharsets.ISO_8859_1);
        assertTrue(header.startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }"), header);
        assertArrayEquals(new byte[] {0, 0, (byte) 0xC0, 0x3F}, Arrays.copyOfRange(b, 128, 132));
        assertArrayEquals(new double[] {1.5, -0.1f}, read(b).data());
    }

    @Test
    void roundTripsFloat64Exactly() throws Exception {
        double[] values = {Math.PI, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, 1e-17, -123456.789, 0, 1};
        NpyArray a = NpyArray.of(new int[] {2, 2, 2}, values);
        assertEquals(a, read(Npy.toBytes(a)));
    }

    @Test
    void rejectsEachBrokenPartWithAMessage() {
        String ok = "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }";
        byte[] data = f8le(1, 2);

        byte[] magic = npy(1, padded(10, ok), data);
        magic[1] = 'n';
        assertEquals("a.npy: not a .npy array (it must start with \\x93NUMPY)", readError(magic));

        byte[] version = npy(1, padded(10, ok), data);
        version[6] = 9;
        assertEquals("a.npy: .npy format version 9.0 is not supported; valid: 1.0, 2.0, 3.0", readError(version));

        byte[] longHeader = npy(1, padded(10, ok), data);
        longHeader[8] = (byte) 0xff;
        longHeader[9] = (byte) 0xff;
        assertEquals("a.npy: header length 65535 runs past the end of the 144-byte array", readError(longHeader));

        byte[] truncated = Arrays.copyOf(npy(1, padded(10, ok), data), 128 + 12);
        assertEquals("a.npy: shape [2] of <f8 needs 16 data bytes but 12 follow the header (truncated)", readError(truncated));

        byte[] trailing = npy(1, padded(10, ok), f8le(1, 2, 3));
        assertEquals("a.npy: shape [2] of <f8 needs 16 data bytes but 24 follow the header (trailing bytes)", readError(trailing));

        assertEquals("a.npy: dtype '<i8' is not supported; valid: <f8, <f4, >f8, >f4",
                readError(npy(1, padded(10, ok.replace("<f8", "<i8")), data)));
        assertTrue(readError(npy(1, padded(10, "{'descr': '<f8', 'fortran_order': True, 'shape': (1, 2), }"), data))
                .startsWith("a.npy: fortran_order True is not supported for shape [1, 2]"));
        assertTrue(readError(npy(1, padded(10, "{'descr': '<f8', 'fortran_order': False, }"), data))
                .startsWith("a.npy: bad .npy header: key 'shape' is missing"));
        assertTrue(readError(npy(1, padded(10, "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), 'x': True}"), data))
                .startsWith("a.npy: bad .npy header: unknown key 'x'; valid keys: descr, fortran_order, shape"));
        assertTrue(readError(npy(1, padded(10, "{'descr': '<f8', 'descr': '<f8', 'fortran_order': False, 'shape': (2,)}"), data))
                .startsWith("a.npy: bad .npy header: key 'descr' appears twice"));
        assertTrue(readError(npy(1, padded(10, ok.replace("(2,)", "(-2,)")), data))
                .startsWith("a.npy: bad .npy header: expected a non-negative whole number in 'shape'"));
        assertTrue(readError(npy(1, padded(10, "{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (2,)}"), data))
                .startsWith("a.npy: bad .npy header: 'descr' holds a nested value"));
        assertTrue(readError(npy(1, padded(10, "not a dict"), data)).startsWith("a.npy: bad .npy header: expected '{'"));
        assertEquals("a.npy: 5 bytes is too short for a .npy file (it needs at least the 10-byte preamble)",
                readError(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P'}));
    }

    @Test
    void filesAreCappedBeforeTheyAreReadAndMissingFilesNamed(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("a.npy");
        Npy.write(NpyArray.of(new int[] {4}, new double[] {1, 2, 3, 4}), f);
        assertArrayEquals(new double[] {1, 2, 3, 4}, Npy.read(f).data());
        assertEquals(f + ": 160 bytes exceeds the limit of 100 bytes",
                assertThrows(NpyFormatException.class, () -> Npy.read(f, 100)).getMessage());
        Path missing = dir.resolve("missing.npy");
        assertEquals(missing + ": no such .npy file",
                assertThrows(NoSuchFileException.class, () -> Npy.read(missing)).getMessage());
    }

    @Test
    void hugeDeclaredShapeIsRejectedBeforeAllocating() {
        String dims = "{'descr': '<f8', 'fortran_order': False, 'shape': (100000, 100000, 100000), }";
        assertTrue(readError(npy(1, padded(10, dims), f8le(1))).startsWith("a.npy: shape [100000, 100000, 100000] has more than"));
        // 2^28 float64 values would be 2 GiB; the file holds 8 bytes, so it is rejected without allocating them.
        String big = "{'descr': '<f8', 'fortran_order': False, 'shape': (268435456,), }";
        assertEquals("a.npy: shape [268435456] of <f8 needs 2147483648 data bytes but 8 follow the header (truncated)",
                readError(npy(1, padded(10, big), f8le(1))));
        assertTrue(readError(npy(1, padded(10, "{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999,), }"), f8le(1)))
                .startsWith("a.npy: bad .npy header: dimension in 'shape' is larger than 2147483647"));
    }
}
