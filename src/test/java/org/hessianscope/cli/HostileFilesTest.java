package org.hessianscope.cli;

import static org.hessianscope.cli.experiment.SweepCommandsTest.TINY;
import static org.hessianscope.cli.HostileInputTest.oneLine;
import static org.hessianscope.cli.model.TrainCommandsTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hessianscope.analysis.AnalysisStore;
import org.hessianscope.cli.model.TrainCommandsTest.Result;
import org.hessianscope.run.RunFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18's hostile files (analysis.json, run.json, spec and sweep files) through the command line,
 * on a store of two tiny analysed runs: a bad file is one line naming it, and never stops a listing.
 */
@Timeout(120)
class HostileFilesTest {
    @TempDir
    static Path shared;
    static Path store;

    @TempDir
    Path tmp;

    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void analysedStore() throws Exception {
        Path file = shared.resolve("tiny.yaml");
        Files.writeString(file, TINY);
        store = shared.resolve("store");
        Result r = cli("sweep", file.toString(), "--store", store.toString(), "--out", shared.resolve("out").toString());
        assertEquals(0, r.code(), r.err());
    }

    /** A copy of the store with the first run's analysis.json changed by {@code edit}; the run folder it changed. */
    Path storeWithAnalysis(Consumer<ObjectNode> edit) throws Exception {
        Path copy = tmp.resolve("store");
        copyTree(store, copy);
        Path run = runs(copy).get(0);
        ObjectNode a = (ObjectNode) JSON.readTree(run.resolve(AnalysisStore.FILE).toFile());
        edit.accept(a);
        Files.write(run.resolve(AnalysisStore.FILE), JSON.writeValueAsBytes(a));
        return run;
    }

    static List<Path> runs(Path store) throws Exception {
        try (Stream<Path> s = Files.list(store)) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    /** `runs` lists the good run, reports the bad one as damaged naming analysis.json and {@code why}. */
    void listingSurvives(Path badRun, String why) {
        Result r = cli("runs", "--store", badRun.getParent().toString());
        assertEquals(1, r.code(), r.err() + r.out());
        assertTrue(r.out().startsWith("1 run(s) in "), r.out());
        assertTrue(r.out().contains("  analysed"), "the good run is still listed, analysed:\n" + r.out());
        assertTrue(r.out().contains("damaged, skipped: " + badRun + ": " + badRun.resolve(AnalysisStore.FILE))
                && r.out().contains(why), r.out());
    }

    @Test
    void case5HugeOrderingsAreRefusedAsOptionSweepValueAndStoredValue() throws Exception {
        Result option = cli("analyze", "--run", runs(store).get(0).toString(), "--orderings", "2000000000");
        assertEquals(2, option.code(), option.err());
        oneLine(option);
        assertTrue(option.err().startsWith("error: --orderings = 2000000000: must be at least 1 and at most 20000"), option.err());

        Path file = tmp.resolve("huge.yaml");
        Files.writeString(file, TINY.replace("orderings: 8", "orderings: 2000000000"));
        Result sweep = cli("sweep", file.toString(), "--store", tmp.resolve("s").toString());
        assertEquals(2, sweep.code(), sweep.err());
        oneLine(sweep);
        assertTrue(sweep.err().contains(file + ": orderings = 2000000000: must be at least 1 and at most 20000"), sweep.err());

        // A compact analysis.json (no losses, no curves: they are recomputed) claiming 2e9 orderings.
        Path bad = storeWithAnalysis(a -> {
            ((ObjectNode) a.get("options")).put("orderings", 2_000_000_000);
            a.remove(List.of("losses", "lossDifference", "smoothed"));
        });
        listingSurvives(bad, "orderings = 2000000000");
    }

    @Test
    void case13ShortLabelsAreNotAnAnalysis() throws Exception {
        Path bad = storeWithAnalysis(a -> ((ArrayNode) a.get("labels")).remove(0));
        listingSurvives(bad, "96 losses but 95 labels and 96 predictions");
    }

    @Test
    void case13ALabelNoClassHasIsNotAnAnalysis() throws Exception {
        Path bad = storeWithAnalysis(a -> ((ArrayNode) a.get("labels")).set(3, 99));
        listingSurvives(bad, "sample 3 has label 99");
    }

    @Test
    void case13NaNLossesAreNotAnAnalysis() throws Exception {
        Path bad = storeWithAnalysis(a -> ((ArrayNode) a.get("losses")).set(5, "NaN"));
        listingSurvives(bad, "loss 5 is NaN");
    }

    @Test
    void case13AnAnalysisThatIsAFolderIsNotAnalysed() throws Exception {
        Path copy = tmp.resolve("store");
        copyTree(store, copy);
        Path run = runs(copy).get(0);
        Files.delete(run.resolve(AnalysisStore.FILE));
        Files.createDirectory(run.resolve(AnalysisStore.FILE));
        listingSurvives(run, "is a folder");
    }

    @Test
    void case13AnalyzeRefusesARunStillMarkedRunning() throws Exception {
        Path run = tmp.resolve("run");
        copyTree(runs(store).get(0), run);
        Files.delete(run.resolve(AnalysisStore.FILE));
        ObjectNode info = (ObjectNode) JSON.readTree(run.resolve(RunFolder.INFO).toFile());
        info.put("status", "running");
        Files.write(run.resolve(RunFolder.INFO), JSON.writeValueAsBytes(info));
        Result r = cli("analyze", "--run", run.toString(), "--orderings", "4");
        assertEquals(2, r.code(), r.err());
        oneLine(r);
        assertTrue(r.err().contains("says training ended as \"running\""), r.err());
        assertFalse(Files.exists(run.resolve(AnalysisStore.FILE)));
    }

    @Test
    void case13AnEmptyEpochsIsRefusedNotDefaulted() throws Exception {
        Path file = tmp.resolve("tilde.yaml");
        Files.writeString(file, TINY.replace("epochs: 1", "epochs: ~"));
        Result r = cli("sweep", file.toString(), "--store", tmp.resolve("s").toString());
        assertEquals(2, r.code(), r.err());
        oneLine(r);
        assertTrue(r.err().contains(file + ": epochs is empty (~ or null)"), r.err());
    }

    @Test
    void case13SpecJsonRefusesDuplicateKeys() throws Exception {
        Path spec = tmp.resolve("dup.json");
        assertEquals(0, cli("spec", "--layers", "1", "--out", spec.toString()).code());
        String text = Files.readString(spec).replaceFirst("\"classes\" : 10", "\"classes\" : 10, \"classes\" : 3");
        assertTrue(text.contains("\"classes\" : 3"), text);
        Files.writeString(spec, text);
        Result r = cli("spec", "--spec", spec.toString());
        assertEquals(2, r.code(), r.err());
        oneLine(r);
        assertTrue(r.err().contains(spec + ": not valid JSON: Duplicate field 'classes'"), r.err());
    }

    @Test
    void case7HugeSweepValuesAreRefusedBeforeAnythingIsBuilt() throws Exception {
        Path file = tmp.resolve("deep.yaml");
        Files.writeString(file, TINY.replace("values: [1, 2]", "values: [2000000000]"));
        Result r = cli("sweep", file.toString(), "--store", tmp.resolve("s").toString());
        assertEquals(2, r.code(), r.err());
        oneLine(r);
        assertTrue(r.err().contains("layers = 2000000000 is more than 1000 layers"), r.err());

        Path authors = tmp.resolve("authors.yaml");
        Files.writeString(authors, """
                dataset_name: 'MNIST'
                channels: 2
                kernel_size: 1
                layers_num_range: [1, 100000000]
                exp_type: 'change layers num'
                """);
        Result a = cli("sweep", authors.toString(), "--store", tmp.resolve("s").toString());
        assertEquals(2, a.code(), a.err());
        oneLine(a);
        assertTrue(a.err().contains("layers = 100000000 is more than 1000 layers"), a.err());
    }

    @Test
    void case8ASecondSweepOnAHeldStoreIsRefusedNamingTheHolder() throws Exception {
        Path file = tmp.resolve("tiny.yaml");
        Files.writeString(file, TINY);
        Path copy = tmp.resolve("store");
        copyTree(store, copy);
        try (var held = org.hessianscope.experiment.StoreLock.acquire(copy)) {
            Result r = cli("sweep", file.toString(), "--store", copy.toString(), "--out", tmp.resolve("o").toString());
            assertEquals(2, r.code(), r.err());
            oneLine(r);
            assertTrue(r.err().contains("the run store " + copy.toAbsolutePath().normalize() + " is in use by process "
                    + ProcessHandle.current().pid() + " since "), r.err());
        }
        Result after = cli("sweep", file.toString(), "--store", copy.toString(), "--out", tmp.resolve("o").toString());
        assertEquals(0, after.code(), after.err());
        assertTrue(after.out().contains("2 point(s), 2 reused from the store"), after.out());
    }

    @Test
    void case10AnOversizedSweepFileIsRefusedBySize() throws Exception {
        Path file = tmp.resolve("big.yaml");
        byte[] comment = ("# " + "x".repeat(1021) + "\n").getBytes();
        try (var out = Files.newOutputStream(file)) {
            out.write(TINY.getBytes());
            for (int i = 0; i < 8 * 1024; i++) {
                out.write(comment);
            }
        }
        Result r = cli("sweep", file.toString(), "--store", tmp.resolve("s").toString());
        assertEquals(2, r.code(), r.err());
        oneLine(r);
        String size = String.format(java.util.Locale.ROOT, "%,d", TINY.getBytes().length + 8L * 1024 * 1024);
        assertTrue(r.err().contains(file + " is " + size + " bytes; a sweep file is at most 1,048,576 bytes"), r.err());
    }

    @Test
    void case12ATabInASweepFileIsOneLineWithItsPlace() throws Exception {
        Path file = tmp.resolve("tab.yaml");
        Files.writeString(file, TINY.replace("epochs: 1", "epochs:\t1\n\tbatch: 3"));
        Result r = cli("sweep", file.toString(), "--store", tmp.resolve("s").toString());
        assertEquals(2, r.code(), r.err());
        oneLine(r);
        assertTrue(r.err().startsWith("error: " + file + ": not valid YAML at line "), r.err());
        assertTrue(r.err().contains("found character '\\t(TAB)' that cannot start any token"), r.err());
    }

}
