package org.hessianscope.io;

import org.hessianscope.io.HandWritten.Entry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.hessianscope.io.HandWritten.f4le;
import static org.hessianscope.io.HandWritten.f8le;
import static org.hessianscope.io.HandWritten.npy;
import static org.hessianscope.io.HandWritten.padded;
import static org.hessianscope.io.HandWritten.zip;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NpzTest {

    static final byte[] A = npy(1, padded(10, "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }"), f8le(1, 2, 3, 4));
    static final byte[] B = npy(2, padded(12, "{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }"), f4le(0.5f, -8f, 0.25f));
    static final NpzLimits SMALL = new NpzLimits(1 << 20, 4 << 20, 100);

    private static Map<String, NpyArray> read(byte[] zip) throws NpyFormatException {
        return Npz.read(zip, "w.npz", NpzLimits.DEFAULT);
    }

    private static String error(byte[] zip, NpzLimits limits) {
        return assertThrows(NpyFormatException.class, () -> Npz.read(zip, "w.npz", limits)).getMessage();
    }

    @Test
    void readsStoredAndDeflatedEntriesInArchiveOrder() throws Exception {
        Map<String, NpyArray> m = read(zip(Entry.stored("b.npy", B), Entry.deflated("a.npy", A)));
        assertEquals(List.of("b", "a"), List.copyOf(m.keySet()));
        assertArrayEquals(new double[] {0.5, -8, 0.25}, m.get("b").data());
        assertEquals(NpyDtype.FLOAT32_LE, m.get("b").dtype());
        assertArrayEquals(new int[] {2, 2}, m.get("a").shape());
        assertEquals(3.0, m.get("a").data()[2]); // a[1, 0]
    }

    @Test
    void readsNumpyStyleZip64LocalHeaders() throws Exception {
        // numpy.savez opens each entry with force_zip64=True: 0xFFFFFFFF sizes and a zip64 extra field.
        Map<String, NpyArray> m = read(zip(new Entry("conv1.weight.npy", A, false, true), new Entry("x.npy", B, true, true)));
        assertArrayEquals(new double[] {1, 2, 3, 4}, m.get("conv1.weight").data());
        assertArrayEquals(new double[] {0.5, -8, 0.25}, m.get("x").data());
    }

    @Test
    void roundTripsStoredAndDeflated(@TempDir Path dir) throws Exception {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("fc1.weight", NpyArray.of(new int[] {2, 3}, new double[] {1, -2, Math.E, 4, 5, 1e-9}));
        arrays.put("fc1.bias", new NpyArray(new int[] {2}, new double[] {0.5, 0.75}, NpyDtype.FLOAT32_LE));
        for (boolean compressed : new boolean[] {false, true}) {
            Path f = dir.resolve("w" + compressed + ".npz");
            Npz.write(arrays, f, compressed);
            assertEquals(arrays, Npz.read(f));
            byte[] bytes = Files.readAllBytes(f);
            assertEquals(compressed ? 8 : 0, bytes[8], "compression method of the first local header");
        }
        try (var s = Files.list(dir)) {
            assertEquals(2, s.count(), "no temporary files are left behind");
        }
    }

    /** Found by ReaderFuzzTest at 10,000 cases: a newline in an entry name or a header broke the one-line rule. */
    @Test
    void controlCharactersReadFromTheFileAreEscapedInTheMessage() {
        assertEquals("w.npz: entry a\\u000a.txt is not a .npy array; an .npz holds only <key>.npy entries",
                error(zip(Entry.stored("a\n.txt", A)), SMALL));
        byte[] twoLines = npy(1, padded(10, "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }\nx"),
                f8le(1, 2, 3, 4));
        String m = error(zip(Entry.stored("a.npy", twoLines)), SMALL);
        assertEquals(1, m.lines().count(), m);
        assertTrue(m.startsWith("w.npz: entry a.npy: bad .npy header: unexpected text after the header dict"), m);
        assertTrue(m.contains("}\\u000ax"), m);
    }

    @Test
    void rejectsDamagedArchivesNamingFileAndEntry() {
        assertEquals("w.npz: not an .npz archive (a zip file starts with PK\\3\\4)", error(A, SMALL));
        assertEquals("w.npz: entry notes.txt is not a .npy array; an .npz holds only <key>.npy entries",
                error(zip(Entry.stored("notes.txt", A)), SMALL));
        assertEquals("w.npz: entry a.npy appears twice", error(zip(Entry.stored("a.npy", A), Entry.stored("a.npy", A)), SMALL));

        byte[] badCrc = zip(Entry.stored("a.npy", A));
        badCrc[14] ^= 1; // the CRC-32 field of the local header
        assertTrue(error(badCrc, SMALL).startsWith("w.npz: entry a.npy: damaged zip data: invalid entry CRC"), error(badCrc, SMALL));

        byte[] truncated = Arrays.copyOf(zip(Entry.deflated("a.npy", A)), 60);
        assertTrue(error(truncated, SMALL).startsWith("w.npz: entry a.npy: damaged zip data"), error(truncated, SMALL));

        // A valid zip entry whose content is not a valid array names the entry.
        byte[] bad = Arrays.copyOf(A, A.length - 8);
        assertEquals("w.npz: entry a.npy: shape [2, 2] of <f8 needs 32 data bytes but 24 follow the header (truncated)",
                error(zip(Entry.stored("a.npy", bad)), SMALL));
    }

    @Test
    void capsEntrySizeCountAndTotal() {
        NpzLimits tiny = new NpzLimits(100, 1000, 100);
        assertEquals("w.npz: entry a.npy declares 160 bytes, over the limit of 100", error(zip(Entry.stored("a.npy", A)), tiny));
        assertEquals("w.npz: more than 1 entries",
                error(zip(Entry.stored("a.npy", A), Entry.stored("b.npy", B)), new NpzLimits(1000, 1000, 1)));
        assertEquals("w.npz: entry b.npy declares 140 bytes, over the limit of 40",
                error(zip(Entry.stored("a.npy", A), Entry.stored("b.npy", B)), new NpzLimits(1000, 200, 10)));
    }

    @Test
    void zipBombStopsAtTheCapWhateverTheHeadersClaim() {
        // 64 MiB of zeros deflate to about 64 KiB; the local header claims 160 bytes.
        byte[] zeros = new byte[64 << 20];
        System.arraycopy(A, 0, zeros, 0, A.length);
        byte[] bomb = zip(Entry.deflated("a.npy", zeros));
        assertTrue(bomb.length < 200_000, "the bomb is small: " + bomb.length);
        // Patch the local header's uncompressed size (offset 22) to the innocent 160.
        bomb[22] = (byte) 160;
        bomb[23] = 0;
        bomb[24] = 0;
        bomb[25] = 0;
        assertEquals("w.npz: entry a.npy inflates to more than 1048576 bytes (limit: 1048576 an entry, 4194304 in all)",
                error(bomb, SMALL));
    }
}
