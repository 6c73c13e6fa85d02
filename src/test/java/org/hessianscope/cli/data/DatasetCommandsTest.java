package org.hessianscope.cli.data;

import org.hessianscope.cli.HessianScopeCli;
import org.hessianscope.cli.common.DatasetOptions;
import org.hessianscope.data.Dataset;
import org.hessianscope.data.FakeMirror;
import org.hessianscope.data.SharedDatasets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class DatasetCommandsTest {
    @TempDir
    Path tmp;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** A data folder with tiny MNIST files: 3 training and 2 test images, labels 7 8 9 and 1 2. */
    private Path tinyMnist(Path dir) throws IOException {
        Files.createDirectories(dir);
        write(dir.resolve("train-images-idx3-ubyte.gz"), images(3));
        write(dir.resolve("train-labels-idx1-ubyte.gz"), labels(7, 8, 9));
        write(dir.resolve("t10k-images-idx3-ubyte.gz"), images(2));
        write(dir.resolve("t10k-labels-idx1-ubyte.gz"), labels(1, 2));
        return dir;
    }

    private static byte[] images(int n) {
        return ByteBuffer.allocate(16 + n * 784).putInt(0x803).putInt(n).putInt(28).putInt(28).array();
    }

    private static byte[] labels(int... ls) {
        ByteBuffer b = ByteBuffer.allocate(8 + ls.length).putInt(0x801).putInt(ls.length);
        for (int l : ls) {
            b.put((byte) l);
        }
        return b.array();
    }

    private static void write(Path p, byte[] idx) throws IOException {
        try (GZIPOutputStream gz = new GZIPOutputStream(Files.newOutputStream(p))) {
            gz.write(idx);
        }
    }

    @Test
    void datasetsListsWhereEachWasFoundWithCounts() throws IOException {
        Path data = tmp.resolve("data");
        tinyMnist(data.resolve("mnist"));
        Run r = run(HessianScopeCli.commandLine(), "datasets", "--data-dir", data.toString());
        assertEquals(0, r.exit(), r.err());
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].startsWith("dataset        available     train     test       size  found in"), r.out());
        assertTrue(lines[1].matches("mnist +yes +3 +2 +0\\.0 MB  --data-dir " + java.util.regex.Pattern.quote(data.resolve("mnist").toString())),
                lines[1]);
        assertTrue(r.out().contains("cifar10"), r.out());
    }

    @Test
    void downloadRejectsAnUnknownDatasetNamingTheValidOnes() {
        Run r = run(HessianScopeCli.commandLine(), "download", "svhn", "--dir", tmp.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("error: unknown dataset 'svhn'; valid: mnist, fashion-mnist, cifar10"), r.err());
    }

    @Test
    void downloadFetchesTheFullMnistFromAMirrorAndVerifiesThePublishedChecksums() throws IOException {
        Path root = SharedDatasets.find();
        Assumptions.assumeTrue(root != null, "skipped: ../shared/datasets (full MNIST) is missing");
        Path shared = root.resolve("mnist");
        try (FakeMirror mirror = new FakeMirror()) {
            for (String f : new String[] {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                    "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"}) {
                mirror.put("/mnist/" + f, Files.readAllBytes(shared.resolve(f)));
            }
            Path dir = tmp.resolve("datasets");
            Run r = run(HessianScopeCli.commandLine(), "download", "mnist", "--mirror", mirror.base().toString(),
                    "--dir", dir.toString());
            assertEquals(0, r.exit(), r.err());
            assertEquals("mnist: " + dir.resolve("mnist") + "\n", r.out());
            assertArrayEquals(Files.readAllBytes(shared.resolve("t10k-labels-idx1-ubyte.gz")),
                    Files.readAllBytes(dir.resolve("mnist/t10k-labels-idx1-ubyte.gz")));

            // A mirror serving the wrong bytes is refused with the URL named.
            mirror.put("/mnist/t10k-labels-idx1-ubyte.gz", Files.readAllBytes(shared.resolve("train-labels-idx1-ubyte.gz")));
            Run bad = run(HessianScopeCli.commandLine(), "download", "mnist", "--mirror", mirror.base().toString(),
                    "--dir", tmp.resolve("other").toString());
            assertEquals(2, bad.exit());
            assertTrue(bad.err().contains("error: checksum mismatch for " + mirror.base() + "mnist/t10k-labels-idx1-ubyte.gz"),
                    bad.err());
        }
    }

    @Command(name = "probe")
    static final class Probe implements Runnable {
        @Mixin
        DatasetOptions data;

        public void run() {
        }
    }

    @Test
    void datasetOptionsGiveTheFirstNTrainingRecords() throws IOException {
        Path data = tmp.resolve("d");
        tinyMnist(data.resolve("mnist"));
        Probe p = new Probe();
        new CommandLine(p).parseArgs("--dataset", "mnist", "--data-dir", data.toString(), "--train-size", "2");
        Dataset train = p.data.train();
        assertEquals(2, train.size());
        assertEquals(7, train.label(0));
        assertEquals(8, train.label(1));
        assertEquals(2, p.data.test().size());

        new CommandLine(p).parseArgs("--data-dir", data.toString(), "--train-size", "5");
        var e = assertThrows(IllegalArgumentException.class, () -> p.data.train());
        assertEquals("--train-size 5 is outside 1..3: mnist train (--data-dir " + data.resolve("mnist")
                + ") has 3 training records", e.getMessage());
    }

    @Test
    void anUnknownDatasetOptionListsTheValidNames() {
        Run r = run(new CommandLine(new Probe()), "--dataset", "svhn");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown dataset 'svhn'; valid: mnist, fashion-mnist, cifar10"), r.err());
    }
}
