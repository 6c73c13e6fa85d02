package org.hessianscope.cli.model;

import org.hessianscope.cli.HessianScopeCli;
import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.ConvLayerSpec;
import org.hessianscope.arch.HeadSpec;
import org.hessianscope.arch.InputShape;
import org.hessianscope.io.Npy;
import org.hessianscope.io.NpyArray;
import org.hessianscope.io.NpyDtype;
import org.hessianscope.io.WeightsFile;
import org.hessianscope.run.RunFolder;
import org.hessianscope.run.TrainedRun;
import org.hessianscope.train.PyTorchInit;
import org.hessianscope.train.TrainingProgress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** train, losses and evaluate end to end on the embedded MNIST subset, with a tiny network to stay fast. */
public class TrainCommandsTest {

    /** conv1 1→2 channels, k=5: 28→24; fc1 2·24·24 = 1152 → 10. */
    public static final String[] TINY = {"--layers", "1", "--channels", "2", "--kernel", "5"};
    static final int TRAIN = 150;

    @TempDir
    static Path tmp;
    static Path run;

    public record Result(int code, String out, String err) {
    }

    public static Result cli(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = HessianScopeCli.commandLine();
        cl.setErr(new PrintWriter(err, true));
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int code = cl.execute(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(saved);
        }
    }

    public static String[] args(String[] a, String... b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @BeforeAll
    static void trainTinyRun() {
        run = tmp.resolve("tiny");
        Result r = cli(args(args(new String[] {"train"}, TINY), "--dataset", "mnist", "--train-size", "" + TRAIN,
                "--epochs", "2", "--seed", "4", "--out", run.toString()));
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void trainWritesACompleteReproducibleRunFolder() throws Exception {
        TrainedRun t = RunFolder.read(run);
        assertEquals("completed", t.info().status());
        // ⌈150/64⌉ = 3 batches an epoch, 2 epochs.
        assertEquals(6, t.history().size());
        assertEquals(List.of(1, 2, 3, 1, 2, 3), t.history().stream().map(TrainingProgress::batch).toList());
        assertEquals(List.of(1, 1, 1, 2, 2, 2), t.history().stream().map(TrainingProgress::epoch).toList());
        assertEquals(TRAIN, t.info().data().trainSize());
        assertEquals(2000, t.info().data().testSize());
        assertEquals("mnist", t.info().data().dataset());
        assertTrue(t.info().data().source().contains("embedded"), t.info().data().source());
        assertEquals(4, t.info().seed());
        assertEquals(64, t.info().options().batchSize());
        assertArrayEquals(PyTorchInit.initialise(t.spec(), 4), t.init(), "init.npz holds the seed's initial weights");
        assertFalse(Arrays.equals(t.init(), t.weights()));
        assertEquals(System.getProperty("java.version"), t.info().versions().java());

        Path again = tmp.resolve("tiny-again");
        assertEquals(0, cli(args(args(new String[] {"train"}, TINY), "--train-size", "" + TRAIN, "--epochs", "2",
                "--seed", "4", "--out", again.toString())).code());
        assertArrayEquals(t.weights(), RunFolder.read(again).weights(), "the same seed gives the same weights");
    }

    @Test
    void lossesAreFloat64InFileOrderAndAverageToTheRunsTrainLoss() throws Exception {
        Path out = tmp.resolve("losses.npy");
        Result r = cli("losses", "--run", run.toString(), "--dataset", "mnist", "--train-size", "" + TRAIN, "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        NpyArray losses = Npy.read(out);
        assertEquals(NpyDtype.FLOAT64_LE, losses.dtype());
        assertArrayEquals(new int[] {TRAIN}, losses.shape());
        // run.json's train loss comes from the engine's mean loss, a separate code path from per-sample losses.
        double mean = Arrays.stream(losses.data()).sum() / TRAIN;
        assertEquals(RunFolder.read(run).info().train().loss(), mean, 1e-12);
        assertTrue(Arrays.stream(losses.data()).allMatch(l -> l >= 0 && Double.isFinite(l)));

        Path viaSpec = tmp.resolve("losses-spec.npy");
        assertEquals(0, cli("losses", "--spec", run.resolve("spec.json").toString(), "--weights",
                run.resolve("weights.npz").toString(), "--train-size", "" + TRAIN, "--out", viaSpec.toString()).code());
        assertArrayEquals(losses.data(), Npy.read(viaSpec).data());
    }

    @Test
    void evaluatePrintsTheRunsTrainAndTestMetrics() throws Exception {
        Result r = cli("evaluate", "--run", run.toString(), "--dataset", "mnist", "--train-size", "" + TRAIN);
        assertEquals(0, r.code(), r.err());
        var info = RunFolder.read(run).info();
        assertTrue(r.out().contains(String.format(Locale.ROOT, "train: loss %.6f  accuracy %.4f", info.train().loss(),
                info.train().accuracy())), r.out());
        assertTrue(r.out().contains(String.format(Locale.ROOT, "test:  loss %.6f  accuracy %.4f", info.test().loss(),
                info.test().accuracy())), r.out());
    }

    @Test
    void aDivergingRunStopsWithAClearErrorAndKeepsFiniteWeights() throws Exception {
        // lr 1e300 throws the weights to ~1e300 in one step; the next batch's logits overflow and the loss is NaN.
        Path div = tmp.resolve("diverged");
        Result r = cli(args(args(new String[] {"train"}, TINY), "--train-size", "100", "--lr", "1e300", "--out", div.toString()));
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: training diverged: the loss became NaN at epoch 1, batch 2 (step 2); "
                + "training stopped and kept the weights after step 1"), r.err());
        TrainedRun t = RunFolder.read(div);
        assertEquals("diverged", t.info().status());
        assertEquals(1, t.history().size());
        assertTrue(Arrays.stream(t.weights()).allMatch(Double::isFinite));
    }

    @Test
    void badInputGetsOneClearLine() throws Exception {
        Path out = tmp.resolve("never.npy");
        Result other = cli("losses", "--layers", "2", "--channels", "2", "--kernel", "5", "--weights",
                run.resolve("weights.npz").toString(), "--train-size", "10", "--out", out.toString());
        assertEquals(2, other.code());
        assertTrue(other.err().startsWith("error: " + run.resolve("weights.npz") + ": weights do not fit the spec: "
                + "missing key conv2.weight (expected shape [2, 2, 5, 5])"), other.err());
        assertTrue(other.err().contains("key fc1.weight has shape [10, 1152], expected [10, 800]"), other.err());

        ArchitectureSpec tiny = new ArchitectureSpec(InputShape.MNIST, List.of(new ConvLayerSpec(2, 5)), false, null,
                HeadSpec.LINEAR, 10);
        double[] theta = new double[tiny.parameterCount()];
        theta[50] = Double.NaN; // conv1.bias[0]: after the 2·1·5·5 = 50 conv weights
        Path nan = tmp.resolve("nan.npz");
        WeightsFile.write(nan, tiny, theta);
        Result bad = cli(args(new String[] {"evaluate", "--weights", nan.toString(), "--train-size", "10"}, TINY));
        assertEquals(2, bad.code());
        assertEquals("error: " + nan + ": conv1.bias[0] is NaN; weights must be finite", bad.err().strip());

        Result empty = cli(args(args(new String[] {"train"}, TINY), "--train-size", "0", "--out", tmp.resolve("e").toString()));
        assertEquals(2, empty.code());
        assertTrue(empty.err().startsWith("error: --train-size 0 is outside 1..10000"), empty.err());

        Result both = cli("losses", "--run", run.toString(), "--spec", run.resolve("spec.json").toString(), "--out", out.toString());
        assertEquals("error: give either --run RUN_DIR or --spec S.json --weights W.npz, not both", both.err().strip());
        Result none = cli("evaluate");
        assertTrue(none.err().startsWith("error: no weights: give --run RUN_DIR"), none.err());

        Result exists = cli(args(args(new String[] {"train"}, TINY), "--train-size", "10", "--out", run.toString()));
        assertEquals("error: " + run + " already exists; choose another --out or remove it", exists.err().strip());

        Result shape = cli("train", "--layers", "1", "--input", "3x32x32", "--train-size", "10", "--out", tmp.resolve("s").toString());
        assertTrue(shape.err().startsWith("error: the network takes 3×32×32 inputs but mnist train"), shape.err());
        assertFalse(Files.exists(out));
    }
}
