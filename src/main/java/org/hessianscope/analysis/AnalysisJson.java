package org.hessianscope.analysis;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON shape of {@link AnalysisResult}: {@code options}, {@code losses}, {@code labels},
 * {@code predictions}, then one key per registered analysis in registry order
 * ({@code lossDifference, smoothed, curvature, bounds}), each null when absent. These are the
 * keys the file had when it was a record of those fields, so files written before still read.
 */
final class AnalysisJson {
    private static final String[] PASS = {"options", "losses", "labels", "predictions"};

    private AnalysisJson() {
    }

    static SimpleModule module() {
        return new SimpleModule("analysis")
                .addSerializer(AnalysisResult.class, new Writer())
                .addDeserializer(AnalysisResult.class, new Reader());
    }

    private static final class Writer extends JsonSerializer<AnalysisResult> {
        @Override
        public void serialize(AnalysisResult r, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeStartObject();
            p.defaultSerializeField(PASS[0], r.options(), g);
            p.defaultSerializeField(PASS[1], r.losses(), g);
            p.defaultSerializeField(PASS[2], r.labels(), g);
            p.defaultSerializeField(PASS[3], r.predictions(), g);
            for (Analysis<?, ?> a : Analyses.ALL) {
                Object result = r.results().get(a.step().key());
                // An analysis run only on request has no key until it ran, so files without it stay as they were.
                if (result != null || !a.onRequest()) {
                    p.defaultSerializeField(a.step().key(), result, g);
                }
            }
            g.writeEndObject();
        }
    }

    private static final class Reader extends JsonDeserializer<AnalysisResult> {
        @Override
        public AnalysisResult deserialize(JsonParser parser, DeserializationContext c) throws IOException {
            JsonNode root = c.readTree(parser);
            if (!(root instanceof ObjectNode o)) {
                throw c.instantiationException(AnalysisResult.class, "expected an object, found " + root.getNodeType());
            }
            Map<String, Object> results = new LinkedHashMap<>();
            for (Analysis<?, ?> a : Analyses.ALL) {
                Object r = value(o, a.step().key(), a.resultType(), c);
                if (r != null) {
                    results.put(a.step().key(), r);
                }
            }
            return new AnalysisResult(value(o, PASS[0], AnalysisOptions.class, c), value(o, PASS[1], double[].class, c),
                    value(o, PASS[2], int[].class, c), value(o, PASS[3], int[].class, c), results);
        }

        private static <T> T value(ObjectNode o, String key, Class<T> type, DeserializationContext c) throws IOException {
            JsonNode n = o.get(key);
            return n == null || n.isNull() ? null : c.readTreeAsValue(n, type);
        }
    }
}
