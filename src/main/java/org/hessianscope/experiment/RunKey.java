package org.hessianscope.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.ConvLayerSpec;
import org.hessianscope.arch.SpecException;
import org.hessianscope.arch.SpecJson;
import org.hessianscope.engine.Precision;
import org.hessianscope.train.TrainingOptions;

/**
 * What makes two trainings the same training: the architecture, the data, and the training
 * options (seed included). Training is deterministic given these, so a run with an equal key
 * is reused instead of trained again. The hash is SHA-256 of a canonical JSON form (keys
 * sorted), so it does not change with field order or formatting.
 */
public record RunKey(ArchitectureSpec spec, DataIdentity data, TrainingOptions training) {
    /** Bumped when the canonical form changes, so old stores are never matched by accident. */
    public static final int FORMAT = 1;
    private static final String PRECISION = "precision";

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    public RunKey {
        if (spec == null || data == null || training == null) {
            throw new IllegalArgumentException("a run key needs a spec, data and training options");
        }
    }

    public String hash() {
        return HexFormat.of().formatHex(DataIdentity.newDigest().digest(canonical()));
    }

    /** A readable folder name that still says which key it holds, e.g. {@code mnist-L4-C6-k3-1f2e3d4c5b6a}. */
    public String folderName() {
        return data.dataset() + "-" + describe(spec) + "-s" + training.seed() + "-" + hash().substring(0, 12);
    }

    /** L, C, k and the pool in the short form used in folder names and legends. */
    public static String describe(ArchitectureSpec spec) {
        List<ConvLayerSpec> conv = spec.conv();
        boolean uniform = conv.stream().allMatch(c -> c.equals(conv.get(0)));
        StringBuilder b = new StringBuilder("L").append(spec.layers());
        if (uniform) {
            b.append("-C").append(conv.get(0).channels()).append("-k").append(conv.get(0).kernel());
        } else {
            b.append("-mixed");
        }
        if (spec.pool() != null) {
            b.append('-').append(spec.pool().type().name().toLowerCase()).append(spec.pool().size()).append('@')
                    .append(spec.pool().at());
        }
        if (spec.reluAfterLastConv()) {
            b.append("-relulast");
        }
        if (!spec.head().hidden().isEmpty()) {
            b.append("-fc");
        }
        return b.toString();
    }

    /** {@code key.json}: the key and its hash, which a store checks against the folder it sits in. */
    public byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("hash", hash());
        fill(root);
        try {
            return (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses {@code key.json}; checks its format and that its recorded hash is the hash of its contents. */
    public static RunKey fromJson(String json, String where) {
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException(where + ": not a JSON object");
            }
            for (String field : List.of("format", "hash", "spec", "data", "training")) {
                if (!root.has(field)) {
                    throw new IllegalArgumentException(where + ": \"" + field + "\" is missing");
                }
            }
            if (root.get("format").asInt() != FORMAT) {
                throw new IllegalArgumentException(where + ": format " + root.get("format") + " is not " + FORMAT
                        + " (written by another version of HessianScope)");
            }
            ArchitectureSpec spec = SpecJson.parse(JSON.writeValueAsString(root.get("spec")));
            DataIdentity data = JSON.treeToValue(root.get("data"), DataIdentity.class);
            TrainingOptions training = JSON.treeToValue(withPrecision(root.get("training")), TrainingOptions.class);
            RunKey key = new RunKey(spec, data, training);
            String recorded = root.get("hash").asText();
            if (!recorded.equals(key.hash())) {
                throw new IllegalArgumentException(where + ": recorded hash " + recorded
                        + " is not the hash of its contents (" + key.hash() + "); the file was edited or damaged");
            }
            return key;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + ": " + e.getOriginalMessage(), e);
        } catch (SpecException e) {
            throw new IllegalArgumentException(where + ": spec: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(where)) {
                throw e;
            }
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    byte[] canonical() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        fill(root);
        try {
            return JSON.copy().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(sorted(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void fill(ObjectNode root) {
        try {
            root.set("spec", JSON.readTree(SpecJson.toJson(spec)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("spec JSON did not parse back", e);
        }
        root.set("data", JSON.valueToTree(data));
        ObjectNode options = JSON.valueToTree(training);
        // float64 is written as no precision at all, so the keys (and hashes) of every run stored before float32
        // training existed stay what they were and those runs are reused.
        if (training.precision() == Precision.FLOAT64) {
            options.remove(PRECISION);
        }
        root.set("training", options);
    }

    /** Training options as stored, with the precision an absent field means (float64) filled in. */
    private static JsonNode withPrecision(JsonNode training) {
        if (training instanceof ObjectNode o && !o.has(PRECISION)) {
            ObjectNode copy = o.deepCopy();
            copy.put(PRECISION, Precision.FLOAT64.key());
            return copy;
        }
        return training;
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            for (String n : names) {
                out.set(n, sorted(node.get(n)));
            }
            return out;
        }
        if (node.isArray()) {
            var out = JSON.createArrayNode();
            node.forEach(e -> out.add(sorted(e)));
            return out;
        }
        return node;
    }
}
