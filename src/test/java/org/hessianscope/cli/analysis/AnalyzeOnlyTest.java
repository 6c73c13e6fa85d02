package org.hessianscope.cli.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hessianscope.analysis.Analyses;
import org.hessianscope.analysis.Analysis;
import org.hessianscope.analysis.AnalysisStore;
import org.hessianscope.cli.HessianScopeCli;
import org.hessianscope.cli.model.TrainCommandsTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code analyze --only KEY} against the full {@code analyze} on one tiny run: each registered
 * analysis alone writes its key with the value the full pipeline writes (which RunAnalysisTest pins),
 * computes what it {@link Analysis#requires()} and nothing else.
 */
public class AnalyzeOnlyTest {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    private static final String[] SETTINGS = {"--orderings", "20", "--threads", "1", "--curvature-samples", "40",
            "--lanczos-steps", "10", "--per-sample-full", "2",
            // The surface runs only when asked; asked here so every analysis is in the full file.
            "--surface", "random", "--surface-grid", "5", "--surface-samples", "30", "--surface-k", "10,all",
            // Δ likewise, with few draws in a small subspace.
            "--delta", "--delta-draws", "4", "--delta-subspace", "3"};

    @TempDir
    static Path tmp;
    static Path trained;
    static JsonNode full;

    @BeforeAll
    static void trainAndAnalyseFully() throws IOException {
        trained = tmp.resolve("trained");
        assertEquals(0, TrainCommandsTest.cli("train", "--layers", "1", "--channels", "2", "--kernel", "5",
                "--train-size", "120", "--epochs", "1", "--out", trained.toString()).code());
        Path analysed = copy(trained, "full");
        TrainCommandsTest.Result r = analyze(analysed);
        assertEquals(0, r.code(), r.err());
        full = JSON.readTree(analysed.resolve(AnalysisStore.FILE).toFile());
    }

    @Test
    void eachAnalysisAloneWritesWhatTheFullAnalysisWrites() throws IOException {
        for (Analysis<?, ?> a : Analyses.ALL) {
            String key = a.step().key();
            Path run = copy(trained, "only-" + key);
            TrainCommandsTest.Result r = analyze(run, "--only", key);
            assertEquals(0, r.code(), key + ": " + r.err());
            JsonNode alone = JSON.readTree(run.resolve(AnalysisStore.FILE).toFile());
            assertNotNull(full.get(key), key);
            assertEquals(full.get(key), alone.get(key), key + " alone differs from the full analysis");
            assertEquals(full.get("losses"), alone.get("losses"));
            List<Analysis<?, ?>> computed = Analyses.withRequirements(List.of(a));
            for (Analysis<?, ?> other : Analyses.ALL) {
                String k = other.step().key();
                boolean present = alone.hasNonNull(k);
                assertEquals(computed.contains(other), present, k + " written by --only " + key);
                if (present) {
                    assertEquals(full.get(k), alone.get(k), k + " (required by " + key + ")");
                }
            }
            // The stored analysis reads back: the GUI opens it.
            assertTrue(AnalysisStore.read(run).orElseThrow().get(a) != null, key);
        }
    }

    @Test
    void theSurfaceIsLeftOutUnlessAskedFor() throws IOException {
        Path run = copy(trained, "no-surface");
        TrainCommandsTest.Result r = TrainCommandsTest.cli("analyze", "--run", run.toString(), "--orderings", "20",
                "--curvature-samples", "40", "--lanczos-steps", "10", "--per-sample-full", "2");
        assertEquals(0, r.code(), r.err());
        JsonNode plain = JSON.readTree(run.resolve(AnalysisStore.FILE).toFile());
        assertFalse(plain.has("surface"), "no surface key unless asked");
        assertFalse(plain.get("options").has("surface"));
        assertEquals(full.get("curvature"), plain.get("curvature"), "the default analysis is unchanged by it");
        assertTrue(full.get("options").get("surface").get("grid").asInt() == 5);
        assertEquals(List.of(10, 30), JSON.convertValue(full.get("surface").get("k"), List.class));
    }

    @Test
    void theRequirementsAreThoseRegisteredBefore() {
        assertEquals(List.of(Analyses.CURVATURE, Analyses.BOUNDS), Analyses.withRequirements(List.of(Analyses.BOUNDS)));
        assertEquals(List.of(Analyses.LOSS_DIFFERENCE, Analyses.SMOOTHED),
                Analyses.withRequirements(List.of(Analyses.SMOOTHED)));
        for (Analysis<?, ?> a : Analyses.ALL) {
            for (Analysis<?, ?> r : a.requires()) {
                assertTrue(Analyses.ALL.indexOf(r) >= 0 && Analyses.ALL.indexOf(r) < Analyses.ALL.indexOf(a),
                        a.step().key() + " requires " + r.step().key() + ", which must be registered before it");
            }
        }
    }

    @Test
    void oneAnalysisAgainKeepsTheOthersComputedWithTheSameSettings() throws IOException {
        Path run = copy(trained, "again");
        assertEquals(0, analyze(run).code());
        String[] twoThreads = SETTINGS.clone();
        twoThreads[3] = "2";
        assertEquals(0, TrainCommandsTest.cli(Stream.concat(
                Stream.of("analyze", "--run", run.toString(), "--only", "lossDifference"), Stream.of(twoThreads))
                .toArray(String[]::new)).code(), "the thread count is not a setting of the result");
        JsonNode again = JSON.readTree(run.resolve(AnalysisStore.FILE).toFile());
        for (Analysis<?, ?> a : Analyses.ALL) {
            assertEquals(full.get(a.step().key()), again.get(a.step().key()), a.step().key() + " kept");
        }
        // Other Lanczos settings: the stored curvature and bounds no longer match the recorded options.
        String[] fewerSteps = SETTINGS.clone();
        fewerSteps[7] = "12";
        TrainCommandsTest.Result r = TrainCommandsTest.cli(Stream.concat(
                Stream.of("analyze", "--run", run.toString(), "--only", "lossDifference"), Stream.of(fewerSteps))
                .toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        JsonNode other = JSON.readTree(run.resolve(AnalysisStore.FILE).toFile());
        assertEquals(full.get("lossDifference"), other.get("lossDifference"));
        assertFalse(other.hasNonNull("curvature"), "curvature of 10 steps is not kept under 12");
        assertFalse(other.hasNonNull("bounds"));
        assertEquals(12, other.get("options").get("lanczosSteps").asInt());
    }

    @Test
    void anUnknownKeyNamesTheValidOnes() throws IOException {
        Path run = copy(trained, "unknown");
        TrainCommandsTest.Result r = analyze(run, "--only", "curvature,hessian");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("'hessian'"), r.err());
        for (Analysis<?, ?> a : Analyses.ALL) {
            assertTrue(r.err().contains(a.step().key()), r.err());
        }
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(run.resolve(AnalysisStore.FILE)));
    }

    @Test
    void listNamesEveryRegisteredAnalysisAndHelpItsKeys() {
        TrainCommandsTest.Result r = TrainCommandsTest.cli("analyze", "--list");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().strip().lines().toList();
        assertEquals(Analyses.ALL.size(), lines.size(), r.out());
        for (int i = 0; i < lines.size(); i++) {
            Analysis<?, ?> a = Analyses.ALL.get(i);
            assertEquals(a.step().key() + "\t" + a.step().label() + "\t" + a.description(), lines.get(i));
        }
        String help = HessianScopeCli.commandLine().getSubcommands().get("analyze").getUsageMessage();
        assertTrue(help.contains("--only"), help);
        assertTrue(help.replaceAll("\\s+", " ").contains(Analyses.keys()), help);
    }

    @Test
    void theDocsTableListsTheRegistry() throws IOException {
        String docs = Files.readString(Path.of("docs", "analyses.md"));
        String table = docs.substring(docs.indexOf("## Registered today"));
        table = table.substring(0, table.indexOf("\n## ", 3) < 0 ? table.length() : table.indexOf("\n## ", 3));
        List<String> keys = new ArrayList<>();
        for (String line : table.lines().toList()) {
            if (line.startsWith("| `")) {
                keys.add(line.substring(3, line.indexOf('`', 3)));
            }
        }
        assertEquals(Analyses.ALL.stream().map(a -> a.step().key()).toList(), keys,
                "docs/analyses.md 'Registered today' lists the registry in order; `analyze --list` prints it");
        for (Analysis<?, ?> a : Analyses.ALL) {
            assertTrue(table.contains(a.description()), "docs carry the description of " + a.step().key());
        }
    }

    private static TrainCommandsTest.Result analyze(Path run, String... more) {
        List<String> args = new ArrayList<>(List.of("analyze", "--run", run.toString()));
        args.addAll(List.of(SETTINGS));
        args.addAll(List.of(more));
        return TrainCommandsTest.cli(args.toArray(String[]::new));
    }

    private static Path copy(Path run, String name) throws IOException {
        Path to = tmp.resolve(name);
        try (Stream<Path> files = Files.walk(run)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(run.relativize(f).toString()));
            }
        }
        return to;
    }
}
