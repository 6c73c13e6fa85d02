package org.hessianscope.cli;

import static org.hessianscope.cli.model.TrainCommandsTest.cli;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hessianscope.cli.model.TrainCommandsTest.Result;
import org.hessianscope.run.RunFolder;
import org.hessianscope.run.TrainedRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 18's hostile inputs, each through the command line: one clear line, the right exit
 * status, nothing allocated for what cannot fit, and nothing saved lost.
 */
class HostileInputTest {

    @TempDir
    Path tmp;

    static void oneLine(Result r) {
        assertEquals(1, r.err().strip().lines().count(), "expected one line, got:\n" + r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void case3SpecCountsNeverWrapNegative() {
        // conv2: 20,000 × 20,000 × 3 × 3 = 3.6e9 weights, which wrapped to -579,547,286 in 32 bits.
        Result r = cli("spec", "--channels", "20000");
        assertEquals(2, r.code(), r.err());
        oneLine(r);
        assertTrue(r.err().contains("conv2 parameters 20000×20000×3×3 + 20000 = 3,600,020,000 values"), r.err());
        assertFalse(r.out().contains("-"), r.out());
    }

    @Test
    void case3TrainRefusesAnUnindexableNetworkNamingTheLayer() {
        Path out = tmp.resolve("big");
        Result r = cli("train", "--channels", "20000", "--layers", "2", "--train-size", "10", "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        oneLine(r);
        assertTrue(r.err().contains("conv2 parameters"), r.err());
        assertFalse(Files.exists(out));
        Result deep = cli("spec", "--layers", "2000000000", "--kernel", "1");
        assertEquals(2, deep.code(), deep.err());
        assertTrue(deep.err().startsWith("error: --layers = 2000000000 is more than 1000 layers"), deep.err());
    }

    @Test
    void case4TrainRefusesWhatCannotFitTheHeapBeforeAllocating() {
        // fc1: 2·24·24 = 1,152 inputs × 1,000,000 outputs is indexable (1.15e9) but needs ~100 GB to train.
        Path out = tmp.resolve("wide");
        Result r = cli("train", "--layers", "1", "--channels", "2", "--kernel", "5", "--hidden", "1000000",
                "--train-size", "10", "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        oneLine(r);
        // conv1 2·25 + 2, fc1 1,152·10⁶ + 10⁶, fc2 10·10⁶ + 10.
        assertTrue(r.err().contains("1,163,000,062 parameters"), r.err());
        assertTrue(r.err().contains("SpecCost estimate"), r.err());
        assertTrue(r.err().contains("HESSIANSCOPE_JAVA_OPTS=-Xmx"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void case14AFiniteRunawayLossIsDivergenceAndKeepsTheLastSaneWeights() throws Exception {
        // lr 1e30 throws the weights to ~1e30 in one step: the next loss is finite but astronomically large.
        // In float64: float32 overflows at such weights, which is the NaN case TrainCommandsTest pins.
        Path out = tmp.resolve("runaway");
        Result r = cli("train", "--layers", "1", "--channels", "2", "--kernel", "5", "--train-size", "100",
                "--lr", "1e30", "--precision", "float64", "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("error: training diverged: the loss grew from "), r.err());
        // θ after step 1 already gives the runaway loss, so the weights kept are those before it: the initial ones.
        assertTrue(r.err().contains("kept the weights after step 0"), r.err());
        TrainedRun t = RunFolder.read(out);
        assertEquals("diverged", t.info().status());
        assertArrayEquals(t.init(), t.weights());
        assertTrue(t.info().train().loss() < 3.0, "ln 10 ≈ 2.30 at PyTorch's init: " + t.info().train().loss());
    }

    @Test
    void case9ADataDirThatIsMissingOrIncompleteIsNamedNotIgnored() throws Exception {
        Path missing = tmp.resolve("no-such-folder");
        Result r = cli("train", "--layers", "1", "--channels", "2", "--kernel", "5", "--train-size", "10",
                "--data-dir", missing.toString(), "--out", tmp.resolve("r1").toString());
        assertEquals(2, r.code(), r.err());
        oneLine(r);
        assertTrue(r.err().startsWith("error: --data-dir " + missing + " does not exist"), r.err());

        Path partial = tmp.resolve("partial");
        Files.createDirectories(partial);
        Files.write(partial.resolve("train-images-idx3-ubyte"), new byte[16]);
        Result p = cli("train", "--layers", "1", "--channels", "2", "--kernel", "5", "--train-size", "10",
                "--data-dir", partial.toString(), "--out", tmp.resolve("r2").toString());
        assertEquals(2, p.code(), p.err());
        oneLine(p);
        assertTrue(p.err().contains("--data-dir " + partial + " does not hold mnist: incomplete in " + partial
                + ": missing train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte"), p.err());
        assertFalse(Files.exists(tmp.resolve("r1")) || Files.exists(tmp.resolve("r2")));
    }

    @Test
    void case11OnlyHttpMirrorsAreDownloadedFrom() {
        Result r = cli("download", "mnist", "--mirror", "file:///etc", "--dir", tmp.resolve("d").toString());
        assertEquals(2, r.code(), r.err());
        oneLine(r);
        assertTrue(r.err().startsWith("error: --mirror file:///etc: only http:// and https:// mirrors"), r.err());
    }

    @Test
    void case6AnNpzBombIsRefusedAtTheSizeTheSpecAllows() throws Exception {
        // conv1.weight of the tiny spec is 2·1·5·5 doubles = 400 bytes; this entry inflates to 64 MB of zeros.
        Path bomb = tmp.resolve("bomb.npz");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(bomb))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("conv1.weight.npy"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertTrue(Files.size(bomb) < 200_000, "compressed: " + Files.size(bomb));
        Result r = cli("losses", "--layers", "1", "--channels", "2", "--kernel", "5", "--weights", bomb.toString(),
                "--train-size", "10", "--out", tmp.resolve("l.npy").toString());
        assertEquals(2, r.code(), r.err());
        oneLine(r);
        // Largest tensor fc1.weight: 10·1,152 doubles = 92,160 bytes, plus 64 kB for a header.
        assertTrue(r.err().contains(bomb + ": entry conv1.weight.npy inflates to more than " + (92_160 + 65_536)
                + " bytes"), r.err());
    }

    @CommandLine.Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        final Throwable what;

        Boom(Throwable what) {
            this.what = what;
        }

        @Override
        public Integer call() throws Exception {
            if (what instanceof Error e) {
                throw e;
            }
            throw (Exception) what;
        }
    }

    static Result boom(Throwable what, String... args) {
        CommandLine cl = HessianScopeCli.commandLine();
        cl.addSubcommand("boom", new Boom(what));
        java.io.StringWriter err = new java.io.StringWriter();
        cl.setErr(new java.io.PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, "", err.toString());
    }

    @Test
    void case15AnEscapedExceptionIsOneLineAndExitStatus1() {
        Result r = boom(new NegativeArraySizeException("-579547286"), "boom");
        assertEquals(1, r.code());
        oneLine(r);
        assertEquals("error: internal error: NegativeArraySizeException: -579547286; run again with --verbose for the "
                + "stack trace, and please report it", r.err().strip());

        Result oom = boom(new OutOfMemoryError("Java heap space"), "boom");
        assertEquals(1, oom.code());
        oneLine(oom);
        assertTrue(oom.err().contains("HESSIANSCOPE_JAVA_OPTS=-Xmx"), oom.err());

        Result verbose = boom(new IllegalStateException("bug"), "boom", "--verbose");
        assertEquals(1, verbose.code());
        assertTrue(verbose.err().contains("\tat "), verbose.err());

        Result wrapped = boom(new java.util.concurrent.ExecutionException(new IllegalArgumentException("bad value")),
                "boom");
        assertEquals(2, wrapped.code());
        assertEquals("error: bad value", wrapped.err().strip());
    }
}
