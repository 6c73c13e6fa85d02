package org.hessianscope.experiment;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hessianscope.analysis.AnalysisOptions;
import org.hessianscope.arch.PoolType;
import org.hessianscope.data.DatasetName;
import org.hessianscope.engine.Precision;
import org.hessianscope.io.BoundedText;
import org.hessianscope.train.CheckpointSchedule;
import org.hessianscope.train.TrainingOptions;

/**
 * Reads sweep files: our own YAML form (see {@code experiments/README.md}) and, unchanged, the
 * authors' configs (recognised by their {@code exp_type} key). Unknown keys are errors, never
 * ignored, since a misspelt key would otherwise silently train the wrong network.
 */
public final class SweepFileReader {
    static final Set<String> KEYS = Set.of("name", "title", "dataset", "train_size", "seed", "seeds", "epochs", "batch_size", "precision", "checkpoints",
            "learning_rate", "layers", "channels", "kernel", "pool_type", "pool_size", "pool_position",
            "pool_convention", "sweep", "legend_title", "analysis");
    static final Set<String> SWEEP_KEYS = Set.of("parameter", "values");
    static final Set<String> ANALYSIS_KEYS = Set.of("orderings", "seed", "alpha", "curvature_samples", "lanczos_steps",
            "per_sample_full");
    static final Set<String> AUTHORS_KEYS = Set.of("dataset_name", "train_batch_size", "learning_rate", "num_epochs",
            "input_size", "input_channels", "channels", "channels_range", "layers_num", "layers_num_range",
            "kernel_size", "kernel_size_range", "classes", "maxpool_positions", "avgpool_positions",
            "save_model_path_prefix", "save_results_path", "save_figs_path", "legend_title", "exp_type");

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private SweepFileReader() {
    }

    /** Most values one sweep may list: each is a network to train, and a sweep file is a few lines. */
    public static final int MAX_VALUES = 1_000;

    public static SweepFile read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new SweepFileException(file + ": no such sweep file");
        }
        String name = file.getFileName().toString().replaceFirst("\\.(ya?ml)$", "");
        return parse(BoundedText.read(file, BoundedText.SMALL, "sweep"), file.toString(), name);
    }

    /** Parses YAML text; {@code where} names it in messages, {@code defaultName} is used when it has no name. */
    public static SweepFile parse(String yaml, String where, String defaultName) {
        if (yaml.length() > BoundedText.SMALL) {
            throw new SweepFileException(where + ": " + yaml.length() + " characters; a sweep file is at most "
                    + BoundedText.SMALL + " bytes");
        }
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new SweepFileException(where + ": not valid YAML"
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr()) + ": " + oneLine(e.getOriginalMessage()), e);
        } catch (RuntimeException e) {
            // SnakeYAML's own errors (a tab, an alias bomb) may arrive unwrapped: still one line naming the file.
            throw new SweepFileException(where + ": not valid YAML: " + oneLine(String.valueOf(e.getMessage())), e);
        }
        if (root == null || !root.isObject()) {
            throw new SweepFileException(where + ": a sweep file is a YAML mapping of keys such as dataset, layers "
                    + "and sweep; this one is " + (root == null ? "empty" : "a " + root.getNodeType()));
        }
        try {
            return root.has("exp_type") ? authors(new Fields(root, where, ""), defaultName) : ours(root, where, defaultName);
        } catch (IllegalArgumentException e) {
            if (e instanceof SweepFileException s) {
                throw s;
            }
            throw new SweepFileException(where + ": " + e.getMessage(), e);
        }
    }

    private static SweepFile ours(JsonNode root, String where, String defaultName) {
        Fields f = new Fields(root, where, "");
        f.only(KEYS);
        DatasetName dataset = dataset(f.text("dataset", null), where, "dataset");
        int trainSize = f.has("train_size") && "all".equals(f.raw("train_size").asText()) ? SweepFile.ALL
                : f.positive("train_size", SweepFile.ALL);
        // Without a precision a sweep trains in float64, as every sweep (and stored run) before float32 existed did.
        Precision precision = f.has("precision") ? Precision.parse(f.text("precision", null)) : Precision.FLOAT64;
        List<Long> seeds = seeds(f, where);
        TrainingOptions training = TrainingOptions.adam(f.positive("epochs", 10),
                f.positive("batch_size", TrainingOptions.DEFAULT_BATCH_SIZE),
                f.number("learning_rate", TrainingOptions.DEFAULT_LEARNING_RATE),
                seeds.isEmpty() ? f.whole("seed", 0) : seeds.get(0))
                .withPrecision(precision);
        PoolType poolType = f.has("pool_type") ? SweepFile.poolType(f.text("pool_type", null), "pool_type", where) : null;
        int poolPosition = f.has("pool_position") ? f.whole("pool_position", 0) : SweepFile.NO_POOL;
        PoolConvention convention = PoolConvention.PAPER;
        if (f.has("pool_convention")) {
            try {
                convention = PoolConvention.fromKey(f.text("pool_convention", null));
            } catch (IllegalArgumentException e) {
                throw new SweepFileException(where + ": pool_convention: " + e.getMessage());
            }
        }
        if (!f.has("sweep")) {
            throw new SweepFileException(where + ": \"sweep\" is missing; give e.g. sweep: {parameter: layers, "
                    + "values: [2, 3, 4]} (parameters: " + SweepParameter.keys() + ")");
        }
        Fields sweep = f.child("sweep");
        sweep.only(SWEEP_KEYS);
        SweepParameter parameter;
        try {
            parameter = SweepParameter.fromKey(sweep.text("parameter", null));
        } catch (IllegalArgumentException e) {
            throw new SweepFileException(where + ": sweep.parameter: " + e.getMessage());
        }
        List<String> values = sweep.list("values");
        return new SweepFile(f.text("name", defaultName), f.text("title", ""), dataset, trainSize, training, seeds,
                f.positive("layers", 4), f.positive("channels", 6), f.positive("kernel", 3), poolType,
                f.positive("pool_size", 2), poolPosition, convention, parameter, values, f.text("legend_title", null),
                analysis(f.has("analysis") ? f.child("analysis") : null), where, checkpoints(f, where));
    }

    /** {@code checkpoints: epoch | N | none}, as {@code train --checkpoints}; absent: null, the modest default. */
    private static CheckpointSchedule checkpoints(Fields f, String where) {
        if (!f.has("checkpoints")) {
            return null;
        }
        String text = f.raw("checkpoints").asText();
        try {
            return CheckpointSchedule.parse(text);
        } catch (IllegalArgumentException e) {
            throw new SweepFileException(where + ": " + e.getMessage());
        }
    }

    /** {@code seeds: [0, 1, 2]}: one run per network and seed; empty when the file gives {@code seed} (or neither). */
    private static List<Long> seeds(Fields f, String where) {
        if (!f.has("seeds")) {
            return List.of();
        }
        if (f.has("seed")) {
            throw new SweepFileException(where + ": both seed and seeds are given; give seed (one run per network) or "
                    + "seeds (one run per network and seed), not both");
        }
        List<Long> out = new ArrayList<>();
        // The seeds' own limit, not the value lists' (1,000): each seed is a whole sweep of training runs.
        for (String v : f.list("seeds", SweepFile.MAX_SEEDS, "seeds")) {
            try {
                long x = Long.parseLong(v.trim());
                if (x < 0) {
                    throw new NumberFormatException();
                }
                out.add(x);
            } catch (NumberFormatException e) {
                throw new SweepFileException(where + ": seeds holds \"" + v + "\", which is not a whole number ≥ 0");
            }
        }
        if (out.isEmpty()) {
            throw new SweepFileException(where + ": seeds is empty; list at least one seed, e.g. seeds: [0, 1, 2]");
        }
        return out;
    }

    /**
     * A parser's message on one line: SnakeYAML quotes the offending line with a caret below it
     * after each "in 'reader', line …" mark, which says nothing the line and column do not; the
     * sentences around them are kept, joined.
     */
    static String oneLine(String message) {
        if (message == null) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        List<String> lines = message.strip().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.startsWith("in 'reader'") || l.startsWith("in 'string'")) {
                i += 2; // the quoted line and its caret
            } else if (!l.isEmpty()) {
                kept.add(l);
            }
        }
        String joined = String.join("; ", kept);
        return joined.length() > 300 ? joined.substring(0, 300) + "…" : joined;
    }

    private static AnalysisOptions analysis(Fields a) {
        AnalysisOptions d = AnalysisOptions.defaults();
        if (a == null) {
            return d;
        }
        a.only(ANALYSIS_KEYS);
        return new AnalysisOptions(a.positive("orderings", d.orderings()), a.whole("seed", (int) d.seed()),
                a.number("alpha", d.alpha()), d.threads(), a.positive("curvature_samples", d.curvatureSamples()),
                a.positive("lanczos_steps", d.lanczosSteps()), a.whole("per_sample_full", d.perSampleFull()));
    }

    /** The authors' configs: {@code exp_type} names the sweep, {@code *_range} or {@code *_positions} its values. */
    private static SweepFile authors(Fields f, String defaultName) {
        f.only(AUTHORS_KEYS);
        String where = f.where;
        DatasetName dataset = dataset(f.text("dataset_name", null), where, "dataset_name");
        if (f.has("classes") && f.positive("classes", 10) != dataset.classes()) {
            throw new SweepFileException(where + ": classes = " + f.positive("classes", 10) + " but " + dataset.key()
                    + " has " + dataset.classes());
        }
        if (f.has("input_channels") && f.positive("input_channels", 1) != dataset.inputShape().channels()) {
            throw new SweepFileException(where + ": input_channels = " + f.positive("input_channels", 1) + " but "
                    + dataset.key() + " images have " + dataset.inputShape().channels());
        }
        String type = f.text("exp_type", null);
        SweepParameter parameter;
        String rangeKey;
        PoolType pool = null;
        switch (type) {
            case "change layers num" -> { parameter = SweepParameter.LAYERS; rangeKey = "layers_num_range"; }
            case "change kernel size" -> { parameter = SweepParameter.KERNEL; rangeKey = "kernel_size_range"; }
            case "change channels" -> { parameter = SweepParameter.CHANNELS; rangeKey = "channels_range"; }
            case "change maxpool pos" -> {
                parameter = SweepParameter.POOL_POSITION; rangeKey = "maxpool_positions"; pool = PoolType.MAX;
            }
            case "change avgpool pos" -> {
                parameter = SweepParameter.POOL_POSITION; rangeKey = "avgpool_positions"; pool = PoolType.AVG;
            }
            default -> throw new SweepFileException(where + ": exp_type = \"" + type + "\" is not one of the authors' "
                    + "experiments: change layers num, change kernel size, change channels, change maxpool pos, "
                    + "change avgpool pos");
        }
        if (!f.has(rangeKey)) {
            throw new SweepFileException(where + ": exp_type \"" + type + "\" needs " + rangeKey);
        }
        TrainingOptions training = TrainingOptions.adam(f.positive("num_epochs", 10),
                f.positive("train_batch_size", TrainingOptions.DEFAULT_BATCH_SIZE),
                f.number("learning_rate", TrainingOptions.DEFAULT_LEARNING_RATE), 0);
        return new SweepFile(defaultName, "", dataset, SweepFile.ALL, training, List.of(), f.positive("layers_num", 4),
                f.positive("channels", 6), f.positive("kernel_size", 3), pool, 2,
                pool == null ? SweepFile.NO_POOL : 0, PoolConvention.AUTHORS, parameter, f.list(rangeKey),
                f.text("legend_title", null), AnalysisOptions.defaults(), where);
    }

    private static DatasetName dataset(String value, String where, String field) {
        if (value == null) {
            throw new SweepFileException(where + ": \"" + field + "\" is missing; valid: " + DatasetName.keys());
        }
        String v = value.trim();
        switch (v) {
            case "MNIST" -> v = "mnist";
            case "FashionMNIST" -> v = "fashion-mnist";
            case "CIFAR10" -> v = "cifar10";
            default -> {
            }
        }
        try {
            return DatasetName.fromKey(v);
        } catch (IllegalArgumentException e) {
            throw new SweepFileException(where + ": " + field + " = \"" + value + "\" is not a dataset; valid: "
                    + DatasetName.keys());
        }
    }

    /** Typed access to one YAML mapping, with messages that name the file and the field. */
    private static final class Fields {
        final JsonNode node;
        final String where;
        final String prefix;

        Fields(JsonNode node, String where, String prefix) {
            this.node = node;
            this.where = where;
            this.prefix = prefix;
        }

        void only(Set<String> allowed) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!allowed.contains(k)) {
                    throw new SweepFileException(where + ": unknown key \"" + BoundedText.printable(prefix + k) + "\"; valid keys"
                            + (prefix.isEmpty() ? "" : " under " + prefix.substring(0, prefix.length() - 1)) + ": "
                            + String.join(", ", new TreeSet<>(allowed)));
                }
            }
        }

        /** Whether {@code k} is given; {@code k: ~} is refused, never read as "use the default". */
        boolean has(String k) {
            if (node.has(k) && node.get(k).isNull()) {
                throw new SweepFileException(where + ": " + prefix + k + " is empty (~ or null); give a value or "
                        + "leave the key out for the default");
            }
            return node.has(k);
        }

        JsonNode raw(String k) {
            return node.get(k);
        }

        Fields child(String k) {
            JsonNode c = node.get(k);
            if (c == null || !c.isObject()) {
                throw new SweepFileException(where + ": \"" + prefix + k + "\" must be a mapping of keys");
            }
            return new Fields(c, where, prefix + k + ".");
        }

        String text(String k, String fallback) {
            if (!has(k)) {
                return fallback;
            }
            JsonNode v = node.get(k);
            if (!v.isValueNode()) {
                throw new SweepFileException(where + ": " + prefix + k + " must be a single value, not a "
                        + v.getNodeType().toString().toLowerCase());
            }
            return v.asText();
        }

        int whole(String k, int fallback) {
            if (!has(k)) {
                return fallback;
            }
            JsonNode v = node.get(k);
            if (!v.canConvertToInt() || !v.isIntegralNumber()) {
                throw new SweepFileException(where + ": " + prefix + k + " = " + v + " is not a whole number");
            }
            if (v.asInt() < 0) {
                throw new SweepFileException(where + ": " + prefix + k + " = " + v + " must not be negative");
            }
            return v.asInt();
        }

        int positive(String k, int fallback) {
            int x = whole(k, fallback);
            if (has(k) && x < 1) {
                throw new SweepFileException(where + ": " + prefix + k + " = " + x + " must be at least 1");
            }
            return x;
        }

        double number(String k, double fallback) {
            if (!has(k)) {
                return fallback;
            }
            JsonNode v = node.get(k);
            if (v.isNumber()) {
                return v.asDouble();
            }
            try {
                return Double.parseDouble(v.asText()); // YAML 1.1 reads 1e-3 (no dot) as a string
            } catch (NumberFormatException e) {
                throw new SweepFileException(where + ": " + prefix + k + " = " + v + " is not a number");
            }
        }

        List<String> list(String k) {
            return list(k, MAX_VALUES, "values");
        }

        /** The list under {@code k}, refused when it holds more than {@code max} {@code noun} (named in the line). */
        List<String> list(String k, int max, String noun) {
            JsonNode v = node.get(k);
            if (v == null || !v.isArray()) {
                throw new SweepFileException(where + ": " + prefix + k + " must be a list, e.g. [2, 3, 4]");
            }
            if (v.size() > max) {
                throw new SweepFileException(where + ": " + prefix + k + " lists " + v.size() + " " + noun
                        + "; a sweep has at most " + max + " " + noun);
            }
            List<String> out = new ArrayList<>();
            for (JsonNode e : v) {
                if (!e.isValueNode()) {
                    throw new SweepFileException(where + ": " + prefix + k + " must list plain values; found " + e);
                }
                out.add(e.asText());
            }
            return out;
        }
    }
}
