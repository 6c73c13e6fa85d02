package org.hessianscope.data;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The subsets shipped in assets/datasets load from the classpath and are cut correctly from the full files. */
class EmbeddedSubsetTest {

    /** Nothing but the embedded data: no folder, no environment, no home. */
    private static final DatasetCatalog EMBEDDED_ONLY = new DatasetCatalog(new DataLocations(null, null, null, null));

    @ParameterizedTest
    @EnumSource(names = {"MNIST", "FASHION_MNIST"})
    void loadsTenThousandTrainAndTwoThousandTestRecords(DatasetName name) throws IOException {
        Dataset train = EMBEDDED_ONLY.load(name, Split.TRAIN);
        Dataset test = EMBEDDED_ONLY.load(name, Split.TEST);
        assertEquals(10_000, train.size());
        assertEquals(2_000, test.size());
        assertEquals(SourceKind.EMBEDDED, train.source().kind());
    }

    @ParameterizedTest
    @EnumSource(names = {"MNIST", "FASHION_MNIST"})
    void everyRecordEqualsTheFullFile(DatasetName name) throws IOException {
        Path shared = SharedDatasets.find();
        Assumptions.assumeTrue(shared != null, "skipped: ../shared/datasets (full MNIST/Fashion-MNIST) is missing");
        for (Split split : Split.values()) {
            Dataset sub = EMBEDDED_ONLY.load(name, split);
            // Read the full files with plain GZIPInputStream, independent of the reader under test.
            byte[] images = decompress(shared.resolve(name.key()).resolve(name.imagesFile(split) + ".gz"), 16 + sub.size() * 784);
            byte[] labels = decompress(shared.resolve(name.key()).resolve(name.labelsFile(split) + ".gz"), 8 + sub.size());
            for (int i = 0; i < sub.size(); i++) {
                assertEquals(labels[8 + i], sub.label(i), name + " " + split + " label " + i);
                int[] px = sub.rawImage(i);
                for (int p = 0; p < 784; p++) {
                    if ((images[16 + i * 784 + p] & 0xff) != px[p]) {
                        assertEquals(images[16 + i * 784 + p] & 0xff, px[p], name + " " + split + " image " + i + " pixel " + p);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"MNIST", "FASHION_MNIST"})
    void firstLabelsMatchThePublishedOrder(DatasetName name) throws IOException {
        // First eight training labels, read off the publishers' files (xxd of the decompressed labels file).
        int[] expected = name == DatasetName.MNIST ? new int[] {5, 0, 4, 1, 9, 2, 1, 3} : new int[] {9, 0, 0, 3, 0, 2, 7, 2};
        Dataset train = EMBEDDED_ONLY.load(name, Split.TRAIN);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], train.label(i), "label " + i);
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"MNIST", "FASHION_MNIST"})
    void fullFilesMatchTheRecordedChecksums(DatasetName name) throws IOException {
        Path shared = SharedDatasets.find();
        Assumptions.assumeTrue(shared != null, "skipped: ../shared/datasets (full MNIST/Fashion-MNIST) is missing");
        for (Split split : Split.values()) {
            for (String file : name.files(split)) {
                String actual = ExpectedDigest.sha256OfDecompressed("00").compute(shared.resolve(name.key()).resolve(file + ".gz"));
                assertEquals(name.sha256(file).orElseThrow(), actual, name + "/" + file);
            }
        }
    }

    /** The first {@code n} decompressed bytes of a gzipped file. */
    private static byte[] decompress(Path gz, int n) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            return in.readNBytes(n);
        }
    }
}
