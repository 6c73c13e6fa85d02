package org.hessianscope.cli;

import static org.hessianscope.cli.HostileInputTest.oneLine;
import static org.hessianscope.cli.model.TrainCommandsTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.hessianscope.io.AtomicFiles;
import org.hessianscope.io.HandWritten;
import org.hessianscope.io.Npy;
import org.hessianscope.io.NpyArray;
import org.hessianscope.io.NpyDtype;
import org.hessianscope.cli.model.TrainCommandsTest.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18's hostile pass again over what came after it (issue 18, second pass): the landscape commands
 * (surface, analyze --surface, delta), sweep seeds and the run folder's checkpoints.npy. Each bad value is one
 * line and exit status 2, refused before anything is allocated for it, on one tiny run with checkpoints.
 */
class HostileLandscapeInputTest {
    @TempDir
    static Path tmp;
    static Path run;
    /** The tiny run's parameter count: conv 1→2, 5×5 (52) and the head 2·24·24 → 10 (11,530): 11,582. */
    static final int P = 2 * 25 + 2 + 2 * 24 * 24 * 10 + 10;

    @BeforeAll
    static void train() {
        run = tmp.resolve("run");
        Result r = cli("train", "--layers", "1", "--channels", "2", "--kernel", "5", "--train-size", "120",
                "--epochs", "2", "--checkpoints", "1", "--out", run.toString());
        assertEquals(0, r.code(), r.err());
    }

    private static Result surface(Path folder, String... more) {
        String[] base = {"surface", "--run", folder.toString(), "--samples", "20", "--k", "all", "--threads", "1",
                "--json", tmp.resolve("s.json").toString()};
        String[] all = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return cli(all);
    }

    /** An .npy whose header claims {@code dict}'s shape, followed by 64 bytes. */
    private static byte[] claim(String dict) {
        return HandWritten.npy(1, HandWritten.padded(10, dict), new byte[64]);
    }

    private static void refused(Result r, String... parts) {
        assertEquals(2, r.code(), r.err());
        oneLine(r);
        for (String p : parts) {
            assertTrue(r.err().contains(p), "expected \"" + p + "\" in: " + r.err());
        }
    }

    @Test
    void aDirectionFileOfTheWrongSizeNamesTheSizeTheNetworkNeeds() throws IOException {
        Path seven = tmp.resolve("seven.npy");
        Files.write(seven, Npy.toBytes(new NpyArray(new int[] {7}, new double[7], NpyDtype.FLOAT64_LE)));
        refused(surface(run, "--directions", "file", "--direction-file", seven.toString(), "--dims", "1", "--grid", "3"),
                "error: --direction-file " + seven, "has 7 values (shape [7])", "needs " + P + " (its parameter count)");
        // A plane needs two rows: one row of the right length is not enough.
        Path row = tmp.resolve("row.npy");
        Files.write(row, Npy.toBytes(new NpyArray(new int[] {P}, new double[P], NpyDtype.FLOAT64_LE)));
        refused(surface(run, "--directions", "file", "--direction-file", row.toString(), "--grid", "3"),
                "has " + P + " values", "needs 2 × " + P + " = " + 2 * P);
        // A file larger than any direction of this network is refused by its size, before it is read.
        Path large = tmp.resolve("large.npy");
        long most = 2L * P * 8 + (1 << 16);
        Files.write(large, new byte[(int) most + 1]);
        refused(surface(run, "--directions", "file", "--direction-file", large.toString(), "--grid", "3"),
                "has " + (most + 1) + " bytes", "at most " + most);
        // A header claiming 2 × 10⁹ values, 64 bytes of data.
        Path claim = tmp.resolve("claim.npy");
        Files.write(claim, claim("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 1000000000), }"));
        refused(surface(run, "--directions", "file", "--direction-file", claim.toString(), "--grid", "3"),
                claim + ": shape [2, 1000000000] of <f8 needs 16000000000 data bytes but 64 follow the header");
    }

    @Test
    void hugeGridsAndKListsAreRefusedBeforeAnythingIsComputed() {
        refused(surface(run, "--directions", "random", "--grid", "101"), "error: --grid = 101 makes 10201 grid points",
                "add --force");
        refused(surface(run, "--directions", "random", "--grid", "2147483647", "--force"),
                "--grid = 2147483647", "3 to 1001");
        String ks = IntStream.rangeClosed(1, 101).mapToObj(Integer::toString).collect(Collectors.joining(","));
        refused(surface(run, "--directions", "random", "--grid", "3", "--k", ks), "--k has 102 values; give 1 to 100");   // surface()'s all and 101 more
        Result a = cli("analyze", "--run", run.toString(), "--only", "surface", "--surface", "random",
                "--surface-grid", "2001");
        refused(a, "--surface-grid = 2001");
        refused(cli("analyze", "--run", run.toString(), "--only", "surface", "--surface", "random", "--surface-grid",
                "53"), "--surface-grid = 53 makes 2809 grid points", "add --force");
        assertFalse(Files.exists(run.resolve("analysis.json")), "nothing was analysed");
    }

    @Test
    void deltaDrawsAndSigmasAreBounded() {
        Path json = tmp.resolve("d.json");
        refused(cli("delta", "--run", run.toString(), "--draws", "2000000000", "--json", json.toString()),
                "error: --draws = 2000000000; need 2 to 100000");
        String sigmas = IntStream.range(0, 10_000).mapToObj(i -> "1e-3").collect(Collectors.joining(","));
        refused(cli("delta", "--run", run.toString(), "--sigma", sigmas, "--json", json.toString()),
                "--sigma needs 1 to 20 values");
        assertFalse(Files.exists(json));
    }

    @Test
    void aHugeSeedListIsRefusedBeforeAnyRunIsTrained() throws IOException {
        Path sweep = tmp.resolve("seeds.yaml");
        Files.writeString(sweep, "name: seeds\ndataset: mnist\ntrain_size: 64\nepochs: 1\nlayers: 1\nchannels: 2\n"
                + "sweep:\n  parameter: layers\n  values: [1]\n");
        Path store = tmp.resolve("store");
        String seeds = IntStream.range(0, 20_000).mapToObj(Integer::toString).collect(Collectors.joining(","));
        refused(cli("sweep", "--store", store.toString(), "--seeds", seeds, sweep.toString()),
                "error: --seeds lists 20000 seeds; a sweep has at most 100 seeds");
        refused(cli("sweep", "--store", store.toString(), "--seeds", "0,-3", sweep.toString()),
                "error: --seeds [0, -3] holds a negative seed");
        refused(cli("sweep", "--store", store.toString(), "--seeds", "1,2,1", sweep.toString()),
                "error: --seeds [1, 2, 1] repeats a seed");
        String yaml = Files.readString(sweep);
        // Over the value lists' bound (1,000) and just over the seeds' (100): both get the seeds' limit, naming the field.
        Files.writeString(sweep, yaml + "seeds: [" + seeds + "]\n");
        refused(cli("sweep", "--store", store.toString(), sweep.toString()),
                sweep + ": seeds lists 20000 seeds; a sweep has at most 100 seeds");
        Files.writeString(sweep, yaml + "seeds: [" + seeds.substring(0, seeds.indexOf(",101,")) + "]\n");
        refused(cli("sweep", "--store", store.toString(), sweep.toString()),
                sweep + ": seeds lists 101 seeds; a sweep has at most 100 seeds");
        if (Files.exists(store)) {
            try (var files = Files.list(store)) {
                assertFalse(files.anyMatch(f -> !f.getFileName().toString().equals(".lock")), "nothing was trained");
            }
        }
    }

    @Test
    void aDamagedCheckpointsFileIsOneLineNamingIt() throws IOException {
        byte[] good = Files.readAllBytes(run.resolve("checkpoints.npy"));
        String[][] cases = {
                {"truncated", "needs", "(truncated)"},
                {"garbage", "not a .npy array"},
                {"claim", "has more than 2147483639 values"},
                {"shape", "has shape [3, " + P + "] but run.json describes 4 checkpoints"},
                {"nan", "checkpoint 1 (step 2) has a non-finite value at index 5"}};
        for (String[] c : cases) {
            Path copy = tmp.resolve("ckpt-" + c[0]);
            AtomicFiles.deleteTree(copy);
            Files.createDirectories(copy);
            try (var files = Files.list(run)) {
                for (Path f : files.toList()) {
                    Files.copy(f, copy.resolve(f.getFileName()));
                }
            }
            Path f = copy.resolve("checkpoints.npy");
            switch (c[0]) {
                case "truncated" -> Files.write(f, Arrays.copyOf(good, 1000));
                case "garbage" -> {
                    byte[] g = good.clone();
                    Arrays.fill(g, 0, 16, (byte) 0x55);
                    Files.write(f, g);
                }
                case "claim" -> Files.write(f, claim(
                        "{'descr': '<f4', 'fortran_order': False, 'shape': (4000000, 1000000), }"));
                case "shape" -> Files.write(f, Npy.toBytes(new NpyArray(new int[] {3, P}, new double[3 * P],
                        NpyDtype.FLOAT32_LE)));
                default -> {
                    NpyArray a = Npy.read(run.resolve("checkpoints.npy"));
                    double[] d = a.data().clone();
                    d[P + 5] = Double.NaN;
                    Files.write(f, Npy.toBytes(new NpyArray(a.shape(), d, a.dtype())));
                }
            }
            Result r = surface(copy, "--directions", "trajectory", "--grid", "3");
            String[] parts = Arrays.copyOf(c, c.length);
            parts[0] = f.toString();
            refused(r, parts);
            assertTrue(Files.isRegularFile(f), "the damaged file is left for the user to see");
        }
    }
}
