package org.hessianscope.data;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.hessianscope.data.TestFiles.idxImages;
import static org.hessianscope.data.TestFiles.idxLabels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DatasetTest {
    private static final double EXACT = 0;

    private static Dataset tiny() throws IOException {
        return Dataset.fromIdx(DatasetName.FASHION_MNIST, Split.TRAIN, new DataSource(SourceKind.DATA_DIR, "/d"),
                DataFile.of("i", idxImages(3, 28, 28)), DataFile.of("l", idxLabels(3, 0, 9)));
    }

    @Test
    void greyNormalisationHandValues() {
        // (0/255 − 0.5)/0.5 = −1 and (255/255 − 0.5)/0.5 = 1, exactly in binary floating point.
        assertEquals(-1.0, Normalisation.GREY.apply(0, 0), EXACT);
        assertEquals(1.0, Normalisation.GREY.apply(0, 255), EXACT);
        // 51/255 = 0.2: (0.2 − 0.5)/0.5 = −0.6
        assertEquals(-0.6, Normalisation.GREY.apply(0, 51), 1e-15);
    }

    @Test
    void copyInputWritesAtTheOffset() throws IOException {
        Dataset d = tiny();
        double[] dst = new double[2 + 784];
        d.copyInput(0, dst, 2);
        assertEquals(0.0, dst[1], EXACT);
        // image 0, p = 0 → pixel 0 → −1; p = 255 → 255 → 1
        assertEquals(-1.0, dst[2], EXACT);
        assertEquals(1.0, dst[2 + 255], EXACT);
    }

    @Test
    void firstNKeepsFileOrderAndMetadata() throws IOException {
        Dataset d = tiny().first(2);
        assertEquals(2, d.size());
        assertEquals(3, d.label(0));
        assertEquals(0, d.label(1));
        assertEquals(DatasetName.FASHION_MNIST, d.name());
        assertEquals(Split.TRAIN, d.split());
        assertEquals("/d", d.source().location());
        assertThrows(IndexOutOfBoundsException.class, () -> d.label(2));
    }

    @Test
    void firstNBeyondTheRecordsNamesBothNumbers() throws IOException {
        var e = assertThrows(IllegalArgumentException.class, () -> tiny().first(5));
        assertEquals("asked for the first 5 records of fashion-mnist train (--data-dir /d), which has 3", e.getMessage());
    }

    @Test
    void namesParseFromTheirKeys() {
        assertEquals(DatasetName.FASHION_MNIST, DatasetName.fromKey("fashion-mnist"));
        var e = assertThrows(IllegalArgumentException.class, () -> DatasetName.fromKey("svhn"));
        assertEquals("unknown dataset 'svhn'; valid: mnist, fashion-mnist, cifar10", e.getMessage());
    }
}
