package org.hessianscope.data;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import static org.hessianscope.data.TestFiles.cifar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CifarReaderTest {
    private static final DataSource TEST_SOURCE = new DataSource(SourceKind.DATA_DIR, "test");
    /** Normalised values are table look-ups of one formula; hand values are given to 16 digits. */
    private static final double TOLERANCE = 1e-15;

    private static Dataset read(DataFile... files) throws IOException {
        return Dataset.fromCifar(DatasetName.CIFAR10, Split.TRAIN, TEST_SOURCE, List.of(files));
    }

    @Test
    void readsRecordsOfSeveralFilesInOrder() throws IOException {
        Dataset d = read(DataFile.of("data_batch_1.bin", cifar(0, 6, 9)), DataFile.of("data_batch_2.bin", cifar(2, 0)));
        assertEquals(3, d.size());
        assertEquals(List.of(6, 9, 0), List.of(d.label(0), d.label(1), d.label(2)));
        assertEquals(3072, d.inputSize());
        // Record 2 (first of the second file): red byte at row 1, column 3 is p = 35: (7·2 + 35) mod 256 = 49.
        assertEquals(49, d.rawImage(2)[35]);
        // Green plane starts at 1024: p = 1024 + 0 → (14 + 1024) mod 256 = 14.
        assertEquals(14, d.rawImage(2)[1024]);
    }

    @Test
    void normalisesEachChannelWithItsOwnMeanAndStd() throws IOException {
        byte[] rec = new byte[3073];
        rec[0] = 4;
        rec[1 + 5] = (byte) 255;           // R, row 0, column 5
        rec[1 + 1024 + 31 * 32 + 31] = 0;   // G, row 31, column 31
        rec[1 + 2048 + 32 + 2] = (byte) 128; // B, row 1, column 2
        double[] x = read(DataFile.of("one.bin", rec)).input(0);
        // (255/255 − 0.4915)/0.2470 = 0.5085/0.2470
        assertEquals(2.0587044534412953, x[5], TOLERANCE);
        // (0 − 0.4823)/0.2435
        assertEquals(-1.9806981519507187, x[1024 + 31 * 32 + 31], TOLERANCE);
        // (128/255 − 0.4468)/0.2616 = (0.50196078… − 0.4468)/0.2616
        assertEquals(0.2108592672543024, x[2048 + 32 + 2], TOLERANCE);
    }

    @Test
    void sizeNotAMultipleOfTheRecordIsNamed() {
        byte[] b = Arrays.copyOf(cifar(0, 1, 2), 2 * 3073 - 100);
        var e = assertThrows(DatasetFormatException.class, () -> read(DataFile.of("data_batch_3.bin", b)));
        assertEquals("data_batch_3.bin: size 6046 bytes is not a multiple of 3073 (1 label byte + 3072 pixel bytes a record):"
                + " truncated, or not a CIFAR-10 binary batch", e.getMessage());
    }

    @Test
    void emptyFileIsNamed() {
        var e = assertThrows(DatasetFormatException.class, () -> read(DataFile.of("test_batch.bin", new byte[0])));
        assertTrue(e.getMessage().startsWith("test_batch.bin: empty"), e.getMessage());
    }

    @Test
    void labelOutsideTheClassesIsNamedWithFileAndRecord() {
        var e = assertThrows(DatasetFormatException.class,
                () -> read(DataFile.of("a.bin", cifar(0, 1)), DataFile.of("b.bin", cifar(0, 2, 10))));
        assertEquals("b.bin: label 10 of record 1 is outside 0..9", e.getMessage());
    }

    @Test
    void aFileShorterThanItsStatedSizeIsTruncated() {
        byte[] b = cifar(0, 1);
        DataFile lying = new DataFile("lying.bin", 2 * 3073, () -> new java.io.ByteArrayInputStream(b));
        var e = assertThrows(DatasetFormatException.class, () -> read(lying));
        assertEquals("lying.bin: truncated: record 1 ends after 0 of its 3073 bytes", e.getMessage());
    }
}
