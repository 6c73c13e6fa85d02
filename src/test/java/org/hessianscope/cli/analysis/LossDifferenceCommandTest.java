package org.hessianscope.cli.analysis;

import org.hessianscope.Tolerances;
import org.hessianscope.cli.HessianScopeCli;
import org.hessianscope.cli.model.TrainCommandsTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hessianscope.io.Npy;
import org.hessianscope.io.NpyArray;
import org.hessianscope.landscape.LossDifference;
import org.hessianscope.landscape.LossDifferenceOptions;
import org.hessianscope.landscape.LossDifferenceResult;
import org.hessianscope.landscape.Smoothing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class LossDifferenceCommandTest {
    /** JSON round-trips doubles exactly (shortest repr); the hand values are fractions like 5/3. */
    static final double TOL = Tolerances.ULPS_F64;

    @TempDir
    Path dir;

    private Path npy(String name, double... values) throws Exception {
        Path f = dir.resolve(name);
        Npy.write(NpyArray.of(new int[] {values.length}, values), f);
        return f;
    }

    /** Runs the CLI; returns {exit code, stderr}. */
    private static Object[] run(String... args) {
        CommandLine cl = HessianScopeCli.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Object[] {code, err.toString()};
    }

    private static List<String> keys(JsonNode node) {
        List<String> ks = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            ks.add(it.next());
        }
        return ks;
    }

    @Test
    void jsonHasTheDocumentedKeysAndHandValues() throws Exception {
        double[] losses = {0, 2, 4, 6};
        Path in = npy("l.npy", losses);
        Path json = dir.resolve("out.json");
        Path csv = dir.resolve("out.csv");
        Object[] r = run("lossdiff", "--losses", in.toString(), "--orderings", "40", "--seed", "3",
                "--at", "3,1", "--alpha", "0.5", "--json", json.toString(), "--csv", csv.toString());
        assertEquals(0, r[0], (String) r[1]);

        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals(List.of("n", "orderings", "seed", "lossMean", "lossStd", "lossMax", "exactMeanAbsFirst",
                "exactMeanAbsLast", "atK"), keys(root));
        assertEquals(4, root.get("n").asInt());
        assertEquals(40, root.get("orderings").asInt());
        assertEquals(3, root.get("seed").asLong());
        // Hand values for (0, 2, 4, 6): μ = 3; s² = (9+1+1+9)/4 = 5; pair gaps sum to 20 over 12 ordered pairs;
        // mean |ℓ − μ| = 2, over N−1 = 3.
        assertEquals(3.0, root.get("lossMean").asDouble(), TOL);
        assertEquals(Math.sqrt(5), root.get("lossStd").asDouble(), TOL);
        assertEquals(6.0, root.get("lossMax").asDouble(), TOL);
        assertEquals(20.0 / 12, root.get("exactMeanAbsFirst").asDouble(), TOL);
        assertEquals(2.0 / 3, root.get("exactMeanAbsLast").asDouble(), TOL);

        JsonNode atK = root.get("atK");
        assertEquals(List.of("1", "3"), keys(atK));
        LossDifferenceResult ref = LossDifference.analyze(losses,
                LossDifferenceOptions.defaults().withOrderings(40).withSeed(3));
        double[] smoothed = Smoothing.ema(ref.meanAbs(), 0.5);
        for (int k : new int[] {1, 3}) {
            JsonNode v = atK.get(Integer.toString(k));
            assertEquals(List.of("meanAbs", "stderrAbs", "q05", "q25", "q50", "q75", "q95", "exactMeanSq",
                    "smoothedMeanAbs"), keys(v));
            assertEquals(ref.meanAbs(k), v.get("meanAbs").asDouble(), 0);
            assertEquals(ref.stderrAbs(k), v.get("stderrAbs").asDouble(), 0);
            assertEquals(ref.quantile(2, k), v.get("q50").asDouble(), 0);
            assertEquals(smoothed[k - 1], v.get("smoothedMeanAbs").asDouble(), 0);
        }
        // E[ΔL²] = s² N / ((N−1) k (k+1)): k = 1 → 5·4/(3·2) = 10/3; k = 3 → 20/36 = 5/9.
        assertEquals(10.0 / 3, atK.get("1").get("exactMeanSq").asDouble(), TOL);
        assertEquals(5.0 / 9, atK.get("3").get("exactMeanSq").asDouble(), TOL);
        // At k = N−1, |ΔL| = |ℓ_last − μ|/3 is 1 or 1/3, so every quantile is one of those or between them.
        double q05 = atK.get("3").get("q05").asDouble();
        assertTrue(q05 >= 1.0 / 3 - TOL && atK.get("3").get("q95").asDouble() <= 1 + TOL);

        List<String> lines = Files.readAllLines(csv);
        assertEquals("k,meanAbs,stderrAbs,exactRmsDiff,smoothed,smoothedBiasCorrected,bound,q05,q25,q50,q75,q95",
                lines.get(0));
        assertEquals(4, lines.size(), "header + k = 1..3");
        String[] row1 = lines.get(1).split(",", -1);
        assertEquals("1", row1[0]);
        assertEquals(Math.sqrt(10.0 / 3), Double.parseDouble(row1[3]), TOL);
        assertEquals(6.0, Double.parseDouble(row1[6]), TOL, "bound 2/(1+1) · max|ℓ| = 6");
        assertFalse(row1[11].isEmpty(), "every k is on the quantile grid for small N");
    }

    @Test
    void csvLeavesQuantilesEmptyOffTheGrid() throws Exception {
        double[] losses = new double[2500];
        for (int i = 0; i < losses.length; i++) {
            losses[i] = (i * 7919 % 2500) / 1000.0;
        }
        Path in = npy("big.npy", losses);
        Path csv = dir.resolve("big.csv");
        Object[] r = run("lossdiff", "--losses", in.toString(), "--orderings", "3", "--at", "1234",
                "--json", dir.resolve("big.json").toString(), "--csv", csv.toString());
        assertEquals(0, r[0], (String) r[1]);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(2500, lines.size());
        long withQuantiles = lines.stream().skip(1).filter(l -> !l.endsWith(",")).count();
        assertTrue(withQuantiles >= 512 && withQuantiles < 2499, "log grid only: " + withQuantiles);
        assertFalse(lines.get(1234).endsWith(","), "requested k = 1234 is on the grid");
    }

    @Test
    void runFolderLossesAreComputedFromItsWeightsOrReadFromLossesNpy() throws Exception {
        Path runDir = dir.resolve("tiny");
        TrainCommandsTest.Result t = TrainCommandsTest.cli(TrainCommandsTest.args(TrainCommandsTest.args(
                new String[] {"train"}, TrainCommandsTest.TINY), "--dataset", "mnist", "--train-size", "60",
                "--epochs", "1", "--seed", "2", "--out", runDir.toString()));
        assertEquals(0, t.code(), t.err());
        // Reference: the losses command, independently of lossdiff's own run handling.
        Path lossesNpy = dir.resolve("tiny-losses.npy");
        assertEquals(0, TrainCommandsTest.cli("losses", "--run", runDir.toString(), "--dataset", "mnist",
                "--train-size", "60", "--out", lossesNpy.toString()).code());

        Path viaRun = dir.resolve("via-run.json");
        Path viaFile = dir.resolve("via-file.json");
        TrainCommandsTest.Result r = TrainCommandsTest.cli("lossdiff", "--run", runDir.toString(), "--orderings", "20",
                "--json", viaRun.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("computed from"), r.out());
        assertEquals(0, TrainCommandsTest.cli("lossdiff", "--losses", lossesNpy.toString(), "--orderings", "20",
                "--json", viaFile.toString()).code());
        assertEquals(Files.readString(viaFile), Files.readString(viaRun));
        assertEquals(60, new ObjectMapper().readTree(viaRun.toFile()).get("n").asInt());

        // A losses.npy in the run folder is used as is (here: different values, so it shows).
        Files.copy(npy("l.npy", 1, 2, 3), runDir.resolve("losses.npy"));
        r = TrainCommandsTest.cli("lossdiff", "--run", runDir.toString(), "--orderings", "5",
                "--json", viaRun.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(3, new ObjectMapper().readTree(viaRun.toFile()).get("n").asInt());
    }

    @Test
    void runFolderWithoutARunIsRejected() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Object[] r = run("lossdiff", "--run", empty.toString(), "--json", dir.resolve("x.json").toString());
        assertEquals(2, r[0]);
        assertTrue(((String) r[1]).contains(empty.toString()), (String) r[1]);
        r = run("lossdiff", "--run", dir.resolve("nowhere").toString(), "--json", dir.resolve("x.json").toString());
        assertError(r, "nowhere", "not a directory");
    }

    @Test
    void badOptionsNameTheOptionAndTheValidRange() throws Exception {
        String in = npy("l.npy", 1, 2, 3, 4).toString();
        String out = dir.resolve("o.json").toString();
        assertError(run("lossdiff", "--losses", in, "--at", "4", "--json", out), "--at 4", "1..3");
        assertError(run("lossdiff", "--losses", in, "--at", "0", "--json", out), "--at 0", "1..3");
        assertError(run("lossdiff", "--losses", in, "--orderings", "0", "--json", out), "--orderings", "at least 1");
        assertError(run("lossdiff", "--losses", in, "--alpha", "1", "--json", out), "--alpha", "(0, 1)");
        assertError(run("lossdiff", "--losses", in, "--alpha", "0", "--json", out), "--alpha", "(0, 1)");
        assertError(run("lossdiff", "--losses", dir.resolve("missing.npy").toString(), "--json", out),
                "missing.npy", "");
        Path twoD = dir.resolve("m.npy");
        Npy.write(NpyArray.of(new int[] {2, 2}, new double[] {1, 2, 3, 4}), twoD);
        assertError(run("lossdiff", "--losses", twoD.toString(), "--json", out), "1-D", "[2, 2]");
        assertFalse(Files.exists(Path.of(out)), "no output after an error");
    }

    private static void assertError(Object[] r, String a, String b) {
        String err = (String) r[1];
        assertEquals(2, r[0], err);
        assertTrue(err.contains(a) && err.contains(b), "expected '" + a + "' and '" + b + "' in: " + err);
    }
}
