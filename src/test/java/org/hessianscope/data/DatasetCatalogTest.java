package org.hessianscope.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.hessianscope.data.TestFiles.cifar;
import static org.hessianscope.data.TestFiles.tinyIdxDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Discovery with an injected environment and home folder, so the real machine never matters. */
class DatasetCatalogTest {
    @TempDir
    Path tmp;

    private Path explicit;
    private Path env;
    private Path home;
    private Path system;

    private DatasetCatalog catalog(boolean withExplicit, boolean withEnv) {
        explicit = tmp.resolve("explicit");
        env = tmp.resolve("env");
        home = tmp.resolve("home");
        system = tmp.resolve("system");
        return new DatasetCatalog(new DataLocations(withExplicit ? explicit : null, withEnv ? env.toString() : null,
                home.resolve(".hessianscope/datasets"), system));
    }

    private static SourceKind sourceOf(DatasetCatalog c, DatasetName n) throws IOException {
        return c.locate(n).orElseThrow().source().kind();
    }

    @Test
    void searchOrderIsDataDirThenEnvironmentThenHomeThenSystemThenEmbedded() throws IOException {
        DatasetCatalog c = catalog(true, true);
        assertEquals(SourceKind.EMBEDDED, sourceOf(c, DatasetName.FASHION_MNIST));

        tinyIdxDir(system.resolve("fashion-mnist"), true);
        assertEquals(SourceKind.SYSTEM, sourceOf(c, DatasetName.FASHION_MNIST));

        tinyIdxDir(home.resolve(".hessianscope/datasets/fashion-mnist"), false);
        assertEquals(SourceKind.HOME, sourceOf(c, DatasetName.FASHION_MNIST));

        tinyIdxDir(env.resolve("fashion-mnist"), true);
        assertEquals(SourceKind.ENVIRONMENT, sourceOf(c, DatasetName.FASHION_MNIST));

        tinyIdxDir(explicit.resolve("fashion-mnist"), true);
        DatasetLocation at = c.locate(DatasetName.FASHION_MNIST).orElseThrow();
        assertEquals(SourceKind.DATA_DIR, at.source().kind());
        assertEquals(explicit.resolve("fashion-mnist").toString(), at.source().location());

        // Without the explicit folder, the environment wins again.
        assertEquals(SourceKind.ENVIRONMENT, sourceOf(catalog(false, true), DatasetName.FASHION_MNIST));
        // mnist was never placed anywhere: embedded.
        assertEquals(SourceKind.EMBEDDED, sourceOf(c, DatasetName.MNIST));
    }

    @Test
    void searchOrderIsSpelledOut() {
        DatasetCatalog c = catalog(true, false);
        assertEquals(List.of("--data-dir " + explicit, "HESSIANSCOPE_DATA (not set)",
                home.resolve(".hessianscope/datasets").toString(), system.toString(), "embedded subsets"),
                c.locations().searchOrder());
    }

    @Test
    void aDataDirMayHoldTheFilesItself() throws IOException {
        DatasetCatalog c = catalog(true, false);
        tinyIdxDir(explicit, false);
        Dataset train = c.load(DatasetName.MNIST, Split.TRAIN);
        assertEquals(SourceKind.DATA_DIR, train.source().kind());
        assertEquals(explicit.toString(), train.source().location());
        assertEquals(3, train.size());
        assertEquals(9, train.label(2));
        assertEquals(2, c.load(DatasetName.MNIST, Split.TEST).size());
    }

    @Test
    void aFolderNamedAfterAnotherDatasetIsNotTakenForThisOne() throws IOException {
        Path mnistDir = tmp.resolve("mnist");
        tinyIdxDir(mnistDir, true);
        DatasetCatalog c = new DatasetCatalog(new DataLocations(mnistDir, null, null, null));
        assertEquals(SourceKind.DATA_DIR, sourceOf(c, DatasetName.MNIST));
        assertEquals(SourceKind.EMBEDDED, sourceOf(c, DatasetName.FASHION_MNIST));
    }

    @Test
    void cifarIsFoundInEitherLayoutAndLoadsItsBatches() throws IOException {
        DatasetCatalog c = catalog(true, true);
        assertTrue(c.locate(DatasetName.CIFAR10).isEmpty());
        var missing = assertThrows(IOException.class, () -> catalog(false, true).load(DatasetName.CIFAR10, Split.TRAIN));
        assertTrue(missing.getMessage().startsWith("cifar10 was not found; searched [" + env.resolve("cifar10/cifar-10-batches-bin")),
                missing.getMessage());
        assertTrue(missing.getMessage().contains("download cifar10"), missing.getMessage());

        Path bins = env.resolve("cifar-10-batches-bin");
        for (int b = 1; b <= 5; b++) {
            TestFiles.write(bins.resolve("data_batch_" + b + ".bin"), cifar(b, b, 9 - b));
        }
        TestFiles.write(bins.resolve("test_batch.bin"), cifar(0, 7));
        // A --data-dir given is authoritative (issue 18, case 9): it does not exist, so loading refuses.
        var absent = assertThrows(IOException.class, () -> c.load(DatasetName.CIFAR10, Split.TRAIN));
        assertEquals("the data folder " + explicit + " does not exist; give the folder holding cifar10's files (see "
                + "`hessianscope datasets`)", absent.getMessage());
        DatasetCatalog fromEnv = catalog(false, true);
        Dataset train = fromEnv.load(DatasetName.CIFAR10, Split.TRAIN);
        assertEquals(SourceKind.ENVIRONMENT, train.source().kind());
        assertEquals(10, train.size());
        assertEquals(List.of(1, 8, 2, 7), List.of(train.label(0), train.label(1), train.label(2), train.label(3)));
        assertEquals(1, fromEnv.load(DatasetName.CIFAR10, Split.TEST).size());

        Path nested = explicit.resolve("cifar10/cifar-10-batches-bin");
        Files.createDirectories(nested.getParent());
        Files.move(bins, nested);
        assertEquals(SourceKind.DATA_DIR, sourceOf(c, DatasetName.CIFAR10));
    }

    @Test
    void entriesGiveCountsSizesAndIncompleteFolders() throws IOException {
        DatasetCatalog c = catalog(true, false);
        Path dir = tinyIdxDir(explicit.resolve("mnist"), true);
        Files.delete(tmp.resolve("explicit/mnist/t10k-labels-idx1-ubyte.gz"));
        tinyIdxDir(explicit.resolve("fashion-mnist"), false);

        List<CatalogEntry> entries = c.entries();
        assertEquals(3, entries.size());
        CatalogEntry mnist = entries.get(0);
        assertEquals(SourceKind.EMBEDDED, mnist.source().kind());
        assertEquals(10_000, mnist.trainCount());
        assertEquals(2_000, mnist.testCount());
        assertEquals("incomplete in " + dir + ": missing t10k-labels-idx1-ubyte", mnist.note());

        CatalogEntry fashion = entries.get(1);
        assertEquals(SourceKind.DATA_DIR, fashion.source().kind());
        assertEquals(3, fashion.trainCount());
        assertEquals(2, fashion.testCount());
        // Plain files: headers 16 + 8 bytes per split plus 784 bytes an image and 1 a label.
        assertEquals((16 + 3 * 784) + (8 + 3) + (16 + 2 * 784) + (8 + 2), fashion.bytes());

        CatalogEntry cifar = entries.get(2);
        assertFalse(cifar.available());
        assertTrue(cifar.note().contains("not found"), cifar.note());
    }

    @Test
    void anUnreadableDatasetIsReportedNotThrown() throws IOException {
        DatasetCatalog c = catalog(true, false);
        tinyIdxDir(explicit.resolve("mnist"), false);
        Files.write(explicit.resolve("mnist/train-images-idx3-ubyte"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        CatalogEntry mnist = c.entries().get(0);
        assertFalse(mnist.available());
        assertTrue(mnist.note().startsWith("unreadable: " + explicit.resolve("mnist/train-images-idx3-ubyte")
                + ": wrong magic number 0x01020304"), mnist.note());
    }
}
