package org.hessianscope.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;

import static org.hessianscope.data.TestFiles.gzip;
import static org.hessianscope.data.TestFiles.idxImages;
import static org.hessianscope.data.TestFiles.idxLabels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdxReaderTest {
    private static final DataSource TEST_SOURCE = new DataSource(SourceKind.DATA_DIR, "test");
    /** Values are exact table look-ups of (x/255 − 0.5)/0.5; only the last bit may differ from a hand formula. */
    private static final double EXACT = 1e-15;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void readsPixelsAndLabelsAtKnownPositions(boolean gz) throws IOException {
        byte[] images = idxImages(3, 28, 28);
        byte[] labels = idxLabels(3, 0, 9);
        Dataset d = Dataset.fromIdx(DatasetName.MNIST, Split.TRAIN, TEST_SOURCE,
                DataFile.of("images", gz ? gzip(images) : images), DataFile.of("labels", gz ? gzip(labels) : labels));

        assertEquals(3, d.size());
        assertEquals(3, d.label(0));
        assertEquals(0, d.label(1));
        assertEquals(9, d.label(2));
        // Image 1, row 2, column 5 is byte p = 2·28 + 5 = 61 of that image: (7·1 + 61) mod 256 = 68.
        assertEquals(68, d.rawImage(1)[61]);
        // (68/255 − 0.5)/0.5 = 136/255 − 1 = −119/255.
        assertEquals(-119.0 / 255, d.input(1)[61], EXACT);
        // Image 2, last pixel p = 783: (14 + 783) mod 256 = 29.
        assertEquals(29, d.rawImage(2)[783]);
        assertEquals(784, d.inputSize());
    }

    @Test
    void gzipIsToldByItsMagicNotByTheName(@TempDir Path dir) throws IOException {
        Path plainNamedGz = TestFiles.write(dir.resolve("a.gz"), idxLabels(4, 5));
        Path gzNamedPlain = TestFiles.write(dir.resolve("b.idx"), gzip(idxLabels(4, 5)));
        assertArrayEquals(new byte[] {4, 5}, IdxReader.readLabels(DataFile.of(plainNamedGz), 10));
        assertArrayEquals(new byte[] {4, 5}, IdxReader.readLabels(DataFile.of(gzNamedPlain), 10));
    }

    @Test
    void countReadsOnlyTheHeader() throws IOException {
        assertEquals(3, IdxReader.count(DataFile.of("i", gzip(idxImages(3, 28, 28)))));
        assertEquals(2, IdxReader.count(DataFile.of("l", idxLabels(1, 2))));
    }

    @Test
    void wrongMagicNumberIsNamed() {
        byte[] labelsAsImages = idxLabels(1, 2);
        var e = assertThrows(DatasetFormatException.class,
                () -> IdxReader.readImages(DataFile.of("x-images", labelsAsImages), 28, 28));
        assertEquals("x-images", e.file());
        assertTrue(e.getMessage().contains("wrong magic number 0x00000801 (an IDX labels file)"), e.getMessage());
        assertTrue(e.getMessage().contains("0x00000803"), e.getMessage());

        byte[] garbage = "hello, world: not IDX".getBytes();
        var g = assertThrows(DatasetFormatException.class, () -> IdxReader.readLabels(DataFile.of("g", garbage), 10));
        assertTrue(g.getMessage().startsWith("g: wrong magic number 0x68656c6c"), g.getMessage());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void truncatedPayloadIsReported(boolean gz) {
        byte[] images = Arrays.copyOf(idxImages(3, 28, 28), 16 + 3 * 784 - 1);
        var e = assertThrows(DatasetFormatException.class,
                () -> IdxReader.readImages(DataFile.of("t", gz ? gzip(images) : images), 28, 28));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.getMessage().contains(gz ? "ends after 2351" : "only 2351 bytes follow"), e.getMessage());
    }

    @Test
    void truncatedHeaderIsReported() {
        byte[] header = Arrays.copyOf(idxImages(1, 28, 28), 10);
        var e = assertThrows(DatasetFormatException.class, () -> IdxReader.readImages(DataFile.of("h", header), 28, 28));
        assertEquals("h: truncated: an IDX images header needs 16 bytes but the data has only 10", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void trailingBytesAreReported(boolean gz) {
        byte[] labels = Arrays.copyOf(idxLabels(1, 2), 11);
        var e = assertThrows(DatasetFormatException.class,
                () -> IdxReader.readLabels(DataFile.of("l", gz ? gzip(labels) : labels), 10));
        assertTrue(e.getMessage().contains(gz ? "more data follows" : "but 3 bytes follow"), e.getMessage());
    }

    @Test
    void imageAndLabelCountsMustMatch() {
        var e = assertThrows(DatasetFormatException.class, () -> Dataset.fromIdx(DatasetName.MNIST, Split.TEST,
                TEST_SOURCE, DataFile.of("imgs", idxImages(3, 28, 28)), DataFile.of("lbls", idxLabels(1, 2))));
        assertEquals("lbls: has 2 labels but the images file imgs has 3 images; they must match record for record",
                e.getMessage());
    }

    @Test
    void labelOutsideTheClassesIsNamedWithItsRecord() {
        var e = assertThrows(DatasetFormatException.class,
                () -> IdxReader.readLabels(DataFile.of("l", idxLabels(0, 9, 10)), 10));
        assertEquals("l: label 10 of record 2 is outside 0..9", e.getMessage());
    }

    @Test
    void unexpectedImageSizeIsNamed() {
        var e = assertThrows(DatasetFormatException.class,
                () -> IdxReader.readImages(DataFile.of("big", idxImages(1, 32, 32)), 28, 28));
        assertEquals("big: unexpected image size 32x32 in the header; expected 28x28", e.getMessage());
    }

    @Test
    void negativeCountIsNamed() {
        byte[] b = idxLabels(1);
        ByteBuffer.wrap(b).putInt(4, -5);
        var e = assertThrows(DatasetFormatException.class, () -> IdxReader.readLabels(DataFile.of("n", b), 10));
        assertEquals("n: negative label count -5 in the header", e.getMessage());
    }

    @Test
    void hugeDeclaredCountInGzipFailsBeforeAllocating() {
        byte[] b = idxImages(1, 28, 28);
        ByteBuffer.wrap(b).putInt(4, Integer.MAX_VALUE);
        var e = assertThrows(DatasetFormatException.class,
                () -> IdxReader.readImages(DataFile.of("huge.gz", gzip(b)), 28, 28));
        assertTrue(e.getMessage().contains("more than the limit of " + BoundedRead.MAX_BYTES), e.getMessage());

        // Under the cap but far beyond the data: the stream ends early; memory grows only with real data.
        ByteBuffer.wrap(b).putInt(4, 600_000);
        var e2 = assertThrows(DatasetFormatException.class,
                () -> IdxReader.readImages(DataFile.of("short.gz", gzip(b)), 28, 28));
        assertEquals("short.gz: truncated: declares 600000 images of 28x28 of 470400000 bytes but the data ends after 784",
                e2.getMessage());
    }

    @Test
    void hugeDeclaredCountInPlainFileIsCheckedAgainstTheFileLength() {
        byte[] b = idxImages(1, 28, 28);
        ByteBuffer.wrap(b).putInt(4, Integer.MAX_VALUE);
        var e = assertThrows(DatasetFormatException.class, () -> IdxReader.readImages(DataFile.of("p", b), 28, 28));
        assertTrue(e.getMessage().startsWith("p: truncated: the header declares 2147483647 images"), e.getMessage());
    }

    @Test
    void corruptGzipIsAFormatError() {
        byte[] gz = gzip(idxLabels(1, 2, 3));
        gz[gz.length - 5] ^= 0x55; // inside the CRC-32/size trailer
        var e = assertThrows(DatasetFormatException.class, () -> IdxReader.readLabels(DataFile.of("c.gz", gz), 10));
        assertTrue(e.getMessage().startsWith("c.gz: corrupt gzip data"), e.getMessage());
    }
}
