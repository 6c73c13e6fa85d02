package org.hessianscope.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.hessianscope.analysis.AnalysisStore;
import org.hessianscope.data.Dataset;
import org.hessianscope.data.Split;
import org.hessianscope.engine.Engine;
import org.hessianscope.io.Npy;
import org.hessianscope.io.NpyArray;
import org.hessianscope.run.RunFolder;
import org.hessianscope.run.RunTraining;
import org.hessianscope.run.TrainedRun;
import org.hessianscope.task.ProgressMonitor;
import org.hessianscope.train.TrainingListener;
import org.hessianscope.train.TrainingOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreTest {
    @TempDir
    static Path tmp;
    static Dataset train;
    static RunKey key;
    static TrainedRun trained;

    @BeforeAll
    static void trainOnce() throws IOException {
        var catalog = TinySweep.catalog(tmp.resolve("no-data"));
        train = catalog.load(org.hessianscope.data.DatasetName.MNIST, Split.TRAIN).first(64);
        Dataset test = catalog.load(org.hessianscope.data.DatasetName.MNIST, Split.TEST).first(32);
        SweepPoint p = TinySweep.sweep().points().get(0);
        TrainingOptions options = new TrainingOptions(1, 32, 1e-3, 0.9, 0.999, 1e-8, 0);
        try (Engine engine = new Engine(2)) {
            trained = RunTraining.train(engine, p.spec(), train, test, options, TrainingListener.NONE,
                    ProgressMonitor.NONE).run();
        }
        key = new RunKey(p.spec(), DataIdentity.of(train), options);
    }

    /** A store holding one good copy of the run. */
    private static RunStore freshStore(String name) throws IOException {
        RunStore store = new RunStore(tmp.resolve(name));
        store.save(key, trained);
        return store;
    }

    private static String damage(String name, IoAction breakIt) throws IOException {
        RunStore store = freshStore(name);
        breakIt.apply(store.folderOf(key));
        RunStore.Scan scan = store.scan();
        assertEquals(0, scan.runs().size(), name);
        assertEquals(1, scan.damaged().size(), name);
        Lookup lookup = store.lookup(key);
        if (Files.exists(store.folderOf(key))) {
            assertInstanceOf(Lookup.Damaged.class, lookup, name);
        }
        return scan.damaged().get(0).problem();
    }

    interface IoAction {
        void apply(Path dir) throws IOException;
    }

    @Test
    void aGoodRunIsFoundUnderItsKey() throws IOException {
        RunStore store = freshStore("good");
        Lookup l = store.lookup(key);
        StoredRun r = assertInstanceOf(Lookup.Found.class, l).run();
        assertEquals(key, r.key());
        assertEquals(store.root().resolve(key.folderName()), r.folder());
        assertTrue(r.folder().getFileName().toString().startsWith("mnist-L1-C2-k5-s0-"));
        assertInstanceOf(Lookup.Missing.class, new RunStore(tmp.resolve("empty")).lookup(key));
    }

    @Test
    void runsWithAndWithoutCheckpointsAreBothUsableAndADamagedCheckpointFileIsReported() throws IOException {
        // The default training of this tiny net keeps one checkpoint an epoch.
        assertEquals(1, trained.checkpoints().size());
        RunStore with = freshStore("with-checkpoints");
        assertTrue(Files.isRegularFile(with.folderOf(key).resolve(RunFolder.CHECKPOINTS)));
        assertEquals(1, with.scan().runs().size());
        assertInstanceOf(Lookup.Found.class, with.lookup(key));
        RunStore without = new RunStore(tmp.resolve("without-checkpoints"));
        without.save(key, trained.withoutCheckpoints());
        assertFalse(Files.exists(without.folderOf(key).resolve(RunFolder.CHECKPOINTS)));
        assertInstanceOf(Lookup.Found.class, without.lookup(key));
        String problem = damage("truncated-checkpoints", d -> Files.write(d.resolve(RunFolder.CHECKPOINTS),
                new byte[] {(byte) 0x93, 'N', 'U', 'M'}));
        assertTrue(problem.contains("checkpoints.npy"), problem);
    }

    @Test
    void eachKindOfDamageIsReportedWithWhatIsWrong() throws IOException {
        assertTrue(damage("nokey", d -> Files.delete(d.resolve(RunStore.KEY))).contains("key.json is missing"));
        assertTrue(damage("edited", d -> {
            Path k = d.resolve(RunStore.KEY);
            Files.writeString(k, Files.readString(k).replace("\"epochs\" : 1", "\"epochs\" : 2"));
        }).contains("is not the hash of its contents"));
        assertTrue(damage("noinit", d -> Files.delete(d.resolve(RunFolder.INIT))).contains("init.npz is missing"));
        assertTrue(damage("badspec", d -> Files.writeString(d.resolve(RunFolder.SPEC), "{")).contains("spec.json"));
        assertTrue(damage("badinfo", d -> {
            Path info = d.resolve(RunFolder.INFO);
            Files.writeString(info, Files.readString(info).replace("\"epochs\" : 1", "\"epochs\" : 3"));
        }).contains("records training options"));
        assertTrue(damage("badanalysis", d -> Files.writeString(d.resolve(AnalysisStore.FILE), "[1, 2"))
                .contains("analysis.json"));
        assertTrue(damage("shortlosses", d -> Npy.write(NpyArray.of(new int[] {3}, new double[3]),
                d.resolve(RunStore.LOSSES))).contains("losses.npy has shape [3]"));
        String renamed = damage("renamed", d -> Files.move(d, d.resolveSibling("mnist-renamed")));
        assertTrue(renamed.contains("belongs in " + key.folderName()), renamed);
    }

    @Test
    void keyChangesWithEverythingThatChangesTheTrainingAndOnlyThat() throws IOException {
        TrainingOptions o = key.training();
        assertEquals(key.hash(), new RunKey(key.spec(), key.data(), new TrainingOptions(o.epochs(), o.batchSize(),
                o.learningRate(), o.beta1(), o.beta2(), o.epsilon(), o.seed())).hash());
        assertNotEquals(key.hash(), new RunKey(key.spec(), key.data(), new TrainingOptions(o.epochs(), o.batchSize(),
                o.learningRate(), o.beta1(), o.beta2(), o.epsilon(), 1)).hash());
        assertNotEquals(key.hash(), new RunKey(key.spec(), key.data(), new TrainingOptions(2, o.batchSize(),
                o.learningRate(), o.beta1(), o.beta2(), o.epsilon(), o.seed())).hash());
        assertNotEquals(key.hash(), new RunKey(key.spec().withReluAfterLastConv(true), key.data(), o).hash());
        assertNotEquals(key.hash(), new RunKey(key.spec(), DataIdentity.of(train.first(63)), o).hash());
        // key.json read back, whatever its key order, is the same key
        RunKey back = RunKey.fromJson(new String(key.toJson(), StandardCharsets.UTF_8), "key.json");
        assertEquals(key, back);
        assertEquals(64, key.hash().length());
    }

    @Test
    void theDigestIsOfTheRecordsThemselves() throws IOException {
        // Independent: the same bytes straight from the embedded IDX files.
        byte[] images;
        byte[] labels;
        try (var in = new java.util.zip.GZIPInputStream(RunStoreTest.class.getResourceAsStream(
                "/assets/datasets/mnist/train-images-idx3-ubyte.gz"))) {
            images = in.readAllBytes();
        }
        try (var in = new java.util.zip.GZIPInputStream(RunStoreTest.class.getResourceAsStream(
                "/assets/datasets/mnist/train-labels-idx1-ubyte.gz"))) {
            labels = in.readAllBytes();
        }
        var sha = DataIdentity.newDigest();
        sha.update(java.nio.ByteBuffer.allocate(12).putInt(64).putInt(28).putInt(1).array());
        for (int i = 0; i < 64; i++) {
            sha.update(images, 16 + i * 784, 784);
            sha.update(labels[8 + i]);
        }
        assertEquals(java.util.HexFormat.of().formatHex(sha.digest()), DataIdentity.of(train).sha256());
    }

    @Test
    void importedTrainFolderLandsUnderItsKeyOnce() throws IOException {
        Path plain = tmp.resolve("plain-run");
        RunFolder.write(plain, trained);
        RunStore store = new RunStore(tmp.resolve("imports"));
        StoredRun a = store.importRun(plain, train);
        assertEquals(key, a.key());
        StoredRun b = store.importRun(plain, train);
        assertEquals(a.folder(), b.folder());
        assertThrows(IOException.class, () -> store.importRun(plain, train.first(10)));
        try (Stream<Path> s = Files.walk(store.root())) {
            assertEquals(1, s.filter(p -> p.getFileName().toString().equals(RunStore.KEY)).count());
        }
    }
}
