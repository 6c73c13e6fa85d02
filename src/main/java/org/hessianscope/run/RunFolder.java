package org.hessianscope.run;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.SpecException;
import org.hessianscope.arch.SpecJson;
import org.hessianscope.engine.Precision;
import org.hessianscope.io.AtomicFiles;
import org.hessianscope.io.BoundedText;
import org.hessianscope.io.WeightsFile;
import org.hessianscope.train.Checkpoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A training run on disk: {@code spec.json}, {@code init.npz}, {@code weights.npz},
 * {@code history.csv} and {@code run.json}. A folder is written under a hidden
 * temporary name beside the target and renamed into place only when every file
 * is complete, so a killed process never leaves a folder that looks like a run.
 */
public final class RunFolder {
    public static final String SPEC = "spec.json";
    public static final String INIT = "init.npz";
    public static final String WEIGHTS = "weights.npz";
    public static final String HISTORY = "history.csv";
    public static final String INFO = "run.json";
    /** θ at each checkpoint training kept, float32 of shape [count, P]; present only when run.json has {@code checkpoints}. */
    public static final String CHECKPOINTS = "checkpoints.npy";
    static final List<String> FILES = List.of(SPEC, INIT, WEIGHTS, HISTORY, INFO);

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private RunFolder() {
    }

    /** Writes {@code run} to {@code dir}, which must not exist or be empty. */
    public static void write(Path dir, TrainedRun run) throws IOException {
        write(dir, run, () -> {
        });
    }

    /** {@code beforeRename} runs when every file is written; tests use it to stand in for a kill at the worst moment. */
    static void write(Path dir, TrainedRun run, Runnable beforeRename) throws IOException {
        write(dir, run, Map.of(), beforeRename);
    }

    /**
     * As {@link #write(Path, TrainedRun)} with {@code extras} (file name to content) written into the
     * folder before it is renamed into place, so a caller's own files (the run store's key) are
     * never missing from a folder that looks complete.
     */
    public static void write(Path dir, TrainedRun run, Map<String, byte[]> extras) throws IOException {
        write(dir, run, extras, () -> {
        });
    }

    static void write(Path dir, TrainedRun run, Map<String, byte[]> extras, Runnable beforeRename) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        if (Files.exists(target) && !isEmptyDirectory(target)) {
            throw new RunFolderException(target + " already exists and is not an empty folder; choose another --out "
                    + "or remove it");
        }
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path tmp = parent.resolve("." + target.getFileName() + ".partial-" + UUID.randomUUID());
        Files.createDirectory(tmp);
        try {
            SpecJson.write(run.spec(), tmp.resolve(SPEC));
            WeightsFile.write(tmp.resolve(INIT), run.spec(), run.init());
            WeightsFile.write(tmp.resolve(WEIGHTS), run.spec(), run.weights());
            Files.writeString(tmp.resolve(HISTORY), HistoryCsv.format(run.history()), StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve(INFO), JSON.writeValueAsString(run.info()) + "\n", StandardCharsets.UTF_8);
            if (!run.checkpoints().isEmpty()) {
                CheckpointFile.write(tmp.resolve(CHECKPOINTS), run.checkpoints());
            }
            for (Map.Entry<String, byte[]> e : extras.entrySet()) {
                if (FILES.contains(e.getKey()) || CHECKPOINTS.equals(e.getKey()) || e.getKey().contains("/")) {
                    throw new IllegalArgumentException("extra file name " + e.getKey() + " clashes with a run file");
                }
                Files.write(tmp.resolve(e.getKey()), e.getValue());
            }
            AtomicFiles.syncTree(tmp);
            beforeRename.run();
            if (Files.exists(target)) {
                Files.delete(target); // empty, checked above
            }
            AtomicFiles.move(tmp, target);
            AtomicFiles.syncDirectory(parent);
        } finally {
            AtomicFiles.deleteTree(tmp);
        }
    }

    /** Reads a complete run folder; a missing or damaged file is a {@link RunFolderException} naming it. */
    public static TrainedRun read(Path dir) throws IOException {
        requireFiles(dir);
        ArchitectureSpec spec = readSpec(dir);
        double[] init = WeightsFile.read(dir.resolve(INIT), spec);
        double[] weights = WeightsFile.read(dir.resolve(WEIGHTS), spec);
        RunInfo info = readInfo(dir);
        return new TrainedRun(spec, init, weights, HistoryCsv.read(dir.resolve(HISTORY)), info,
                readCheckpoints(dir, spec, info));
    }

    /** Refuses a folder that lacks one of the files every run folder holds, before any is read. */
    public static void requireFiles(Path dir) throws RunFolderException {
        if (!Files.isDirectory(dir)) {
            throw new RunFolderException(dir + " is not a run folder (no such folder)");
        }
        for (String f : FILES) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                throw new RunFolderException(dir + " is not a complete run folder: " + f + " is missing (a run folder holds "
                        + String.join(", ", FILES) + ")");
            }
        }
    }

    /**
     * The checkpoints of θ that run.json describes, read from {@code checkpoints.npy} and checked against it
     * and the spec; empty for a run that kept none (every run written before checkpoints existed).
     */
    public static List<Checkpoint> readCheckpoints(Path dir, ArchitectureSpec spec, RunInfo info) throws IOException {
        if (info.checkpoints() == null) {
            return List.of();
        }
        requireFile(dir, CHECKPOINTS);
        try {
            return CheckpointFile.read(dir.resolve(CHECKPOINTS), info.checkpoints(), spec.parameterCount());
        } catch (IllegalArgumentException e) {
            throw new RunFolderException(e.getMessage(), e);
        }
    }

    public static ArchitectureSpec readSpec(Path dir) throws IOException {
        Path file = dir.resolve(SPEC);
        requireFile(dir, SPEC);
        try {
            return SpecJson.read(file);
        } catch (SpecException e) {
            throw new RunFolderException(e.getMessage(), e);
        }
    }

    /** The trained weights of the run in {@code dir}, checked against its spec. */
    public static double[] readWeights(Path dir, ArchitectureSpec spec) throws IOException {
        requireFile(dir, WEIGHTS);
        return WeightsFile.read(dir.resolve(WEIGHTS), spec);
    }

    public static RunInfo readInfo(Path dir) throws IOException {
        Path file = dir.resolve(INFO);
        requireFile(dir, INFO);
        try {
            String text = BoundedText.read(file, BoundedText.SMALL, INFO);
            JsonNode root = JSON.readTree(text);
            // Parsed from the text when it is complete, so that messages keep their line and column.
            RunInfo info = lacksPrecision(root) || lacksCheckpoints(root)
                    ? JSON.treeToValue(withoutCheckpoints(withFloat64(root)), RunInfo.class)
                    : JSON.readValue(text, RunInfo.class);
            if (info == null || info.options() == null || info.data() == null || info.versions() == null
                    || info.status() == null) {
                throw new RunFolderException(file + ": status, options, data and versions are required");
            }
            return info;
        } catch (JsonProcessingException e) {
            throw new RunFolderException(file + ": " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr()), e);
        }
    }

    /** A run.json written before float32 training existed has no options.precision: it was trained in float64. */
    private static boolean lacksPrecision(JsonNode root) {
        return root != null && root.get("options") instanceof ObjectNode options && !options.has("precision");
    }

    private static JsonNode withFloat64(JsonNode root) {
        if (lacksPrecision(root)) {
            ((ObjectNode) root.get("options")).put("precision", Precision.FLOAT64.key());
        }
        return root;
    }

    /** A run.json without checkpoints (every one written before they existed, and any run that kept none). */
    private static boolean lacksCheckpoints(JsonNode root) {
        return root instanceof ObjectNode o && !o.has("checkpoints");
    }

    private static JsonNode withoutCheckpoints(JsonNode root) {
        if (lacksCheckpoints(root)) {
            ((ObjectNode) root).putNull("checkpoints");
        }
        return root;
    }

    private static void requireFile(Path dir, String name) throws RunFolderException {
        if (!Files.isRegularFile(dir.resolve(name))) {
            throw new RunFolderException(dir + " is not a complete run folder: " + name + " is missing");
        }
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

}
