package org.hessianscope.arch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads and writes an {@link ArchitectureSpec} as JSON. Reading is strict: an
 * unknown key, a missing key or a value of the wrong type is an error naming
 * the field, because a silently ignored typo would train a different network.
 */
public final class SpecJson {

    // Duplicate keys are refused, as the YAML reader does: a second "channels" must not silently win.
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** A spec is a few hundred bytes; 1 MB is generous. */
    static final long MAX_BYTES = 1L << 20;

    private SpecJson() {
    }

    public static ArchitectureSpec read(Path file) throws IOException {
        // Checked by size before parsing (as io.BoundedText does; arch sits below io, so not through it).
        if (Files.isDirectory(file)) {
            throw new IOException(file + " is a folder, not a spec file");
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new IOException(file + " is " + Files.size(file) + " bytes; a spec file is at most " + MAX_BYTES);
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            return parse(text);
        } catch (SpecException e) {
            throw new SpecException(file + ": " + e.getMessage());
        }
    }

    public static void write(ArchitectureSpec spec, Path file) throws IOException {
        Files.writeString(file, toJson(spec), StandardCharsets.UTF_8);
    }

    public static ArchitectureSpec parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SpecException("not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr()));
        }
        if (root == null || !root.isObject()) {
            throw new SpecException("a spec must be a JSON object with keys input, conv, reluAfterLastConv, pool, head, classes");
        }
        onlyKeys(root, "spec", Set.of("input", "conv", "reluAfterLastConv", "pool", "head", "classes"));

        JsonNode in = object(root, "input", "input");
        onlyKeys(in, "input", Set.of("channels", "height", "width"));
        InputShape input = new InputShape(integer(in, "channels", "input.channels"),
                integer(in, "height", "input.height"), integer(in, "width", "input.width"));

        JsonNode convNode = required(root, "conv", "conv");
        if (!convNode.isArray()) {
            throw new SpecException("conv must be a list of {\"channels\": C, \"kernel\": k}");
        }
        List<ConvLayerSpec> conv = new ArrayList<>();
        for (int l = 0; l < convNode.size(); l++) {
            String field = "conv[" + (l + 1) + "]";
            JsonNode c = convNode.get(l);
            if (!c.isObject()) {
                throw new SpecException(field + " must be an object {\"channels\": C, \"kernel\": k}");
            }
            onlyKeys(c, field, Set.of("channels", "kernel"));
            conv.add(new ConvLayerSpec(integer(c, "channels", field + ".channels"), integer(c, "kernel", field + ".kernel")));
        }

        boolean reluLast = false;
        if (root.has("reluAfterLastConv")) {
            JsonNode r = root.get("reluAfterLastConv");
            if (!r.isBoolean()) {
                throw new SpecException("reluAfterLastConv = " + r + " must be true or false");
            }
            reluLast = r.booleanValue();
        }

        PoolSpec pool = null;
        JsonNode p = root.get("pool");
        if (p != null && !p.isNull()) {
            if (!p.isObject()) {
                throw new SpecException("pool must be null or {\"type\": \"max\"|\"avg\", \"size\": s, \"at\": l}");
            }
            onlyKeys(p, "pool", Set.of("type", "size", "at"));
            JsonNode type = required(p, "type", "pool.type");
            if (!type.isTextual()) {
                throw new SpecException("pool.type = " + type + " must be \"max\" or \"avg\"");
            }
            pool = new PoolSpec(PoolType.fromKey("pool.type", type.textValue()), integer(p, "size", "pool.size"),
                    integer(p, "at", "pool.at"));
        }

        HeadSpec head = HeadSpec.LINEAR;
        JsonNode h = root.get("head");
        if (h != null && !h.isNull()) {
            if (!h.isObject()) {
                throw new SpecException("head must be {\"hidden\": [widths...]}");
            }
            onlyKeys(h, "head", Set.of("hidden"));
            JsonNode hidden = required(h, "hidden", "head.hidden");
            if (!hidden.isArray()) {
                throw new SpecException("head.hidden must be a list of widths, [] for a single linear layer");
            }
            List<Integer> widths = new ArrayList<>();
            for (int j = 0; j < hidden.size(); j++) {
                widths.add(intValue(hidden.get(j), "head.hidden[" + (j + 1) + "]"));
            }
            head = new HeadSpec(widths);
        }

        int classes = integer(root, "classes", "classes");
        return new ArchitectureSpec(input, conv, reluLast, pool, head, classes);
    }

    /** The spec as JSON in the documented key order. */
    public static String toJson(ArchitectureSpec spec) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode in = root.putObject("input");
        in.put("channels", spec.input().channels());
        in.put("height", spec.input().height());
        in.put("width", spec.input().width());
        ArrayNode conv = root.putArray("conv");
        for (ConvLayerSpec c : spec.conv()) {
            ObjectNode n = conv.addObject();
            n.put("channels", c.channels());
            n.put("kernel", c.kernel());
        }
        root.put("reluAfterLastConv", spec.reluAfterLastConv());
        if (spec.pool() == null) {
            root.putNull("pool");
        } else {
            ObjectNode p = root.putObject("pool");
            p.put("type", spec.pool().type().key());
            p.put("size", spec.pool().size());
            p.put("at", spec.pool().at());
        }
        ArrayNode hidden = root.putObject("head").putArray("hidden");
        spec.head().hidden().forEach(hidden::add);
        root.put("classes", spec.classes());
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot happen: a tree of plain values always serialises", e);
        }
    }

    private static void onlyKeys(JsonNode node, String where, Set<String> valid) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!valid.contains(name)) {
                // A key read from the file may hold a newline: shown with ? for control characters, the message stays one line.
                throw new SpecException("unknown key \"" + name.replaceAll("\\p{Cntrl}", "?") + "\" in " + where + "; valid keys: "
                        + String.join(", ", valid.stream().sorted().toList()));
            }
        }
    }

    private static JsonNode required(JsonNode node, String key, String field) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            throw new SpecException(field + " is missing");
        }
        return v;
    }

    private static JsonNode object(JsonNode node, String key, String field) {
        JsonNode v = required(node, key, field);
        if (!v.isObject()) {
            throw new SpecException(field + " must be an object");
        }
        return v;
    }

    private static int integer(JsonNode node, String key, String field) {
        return intValue(required(node, key, field), field);
    }

    private static int intValue(JsonNode v, String field) {
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new SpecException(field + " = " + v + " must be a whole number");
        }
        int value = v.intValue();
        if (value < 1) {
            throw new SpecException(field + " = " + value + " must be a positive whole number");
        }
        return value;
    }
}
