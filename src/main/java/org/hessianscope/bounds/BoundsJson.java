package org.hessianscope.bounds;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hessianscope.arch.FeatureMap;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The JSON form of a {@link BoundHierarchy}: {@code conventions}, {@code theorem2.log10},
 * {@code lemma2Actual.log10}, {@code lemma3.log10} (with a pool), {@code lemma4.log10} (with a
 * hidden head), {@code paper}, {@code measured.ggnNormWeightsOnly.max}, {@code looseness.*}
 * (log10 of bound / measured, and {@code paperOverLemma2Actual}: what the crude norms cost) and {@code layers.<name>.*}. A bound of 0 has log10 "-Infinity".
 */
public final class BoundsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BoundsJson() {
    }

    public static ObjectNode toJson(BoundHierarchy h) {
        ObjectNode root = MAPPER.createObjectNode();
        root.set("conventions", conventions(h.conventions()));
        root.set("theorem2", bound(h.theorem2()));
        root.set("lemma2Actual", bound(h.lemma2Actual()));
        if (h.lemma3() != null) {
            root.set("lemma3", bound(h.lemma3()));
        }
        if (h.lemma4() != null) {
            root.set("lemma4", bound(h.lemma4()));
        }
        ObjectNode paper = bound(h.paper());
        paper.put("name", h.paper().name());
        root.set("paper", paper);
        ObjectNode measured = root.putObject("measured").putObject("ggnNormWeightsOnly");
        measured.put("max", h.measuredMax());
        measured.put("argmax", h.measuredArgmax());
        ObjectNode loose = root.putObject("looseness");
        loose.put("theorem2", h.loosenessTheorem2());
        loose.put("lemma2Actual", h.loosenessLemma2Actual());
        loose.put("paper", h.loosenessPaper());
        loose.put("paperOverLemma2Actual", h.paper().log10() - h.lemma2Actual().log10());
        ObjectNode layers = root.putObject("layers");
        for (LayerNorm l : h.layers()) {
            ObjectNode n = layers.putObject(l.layer());
            n.put("toeplitzNorm", l.toeplitzNorm().value());
            n.put("qNorm", l.qNorm().value());
            n.put("maxAbsWeight", l.maxAbsWeight());
            n.set("inputMap", map(l.inputMap()));
            n.set("outputMap", map(l.outputMap()));
            n.put("converged", l.toeplitzNorm().converged() && l.qNorm().converged());
        }
        var caveats = root.putArray("caveats");
        h.caveats().forEach(caveats::add);
        return root;
    }

    public static String toString(BoundHierarchy h) {
        return toJson(h).toPrettyString() + "\n";
    }

    public static void write(BoundHierarchy h, Path file) throws IOException {
        MAPPER.writeValue(file.toFile(), toJson(h));
    }

    static ObjectNode conventions(BoundConventions c) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("L", c.layers()).put("C", c.channels()).put("k", c.kernel()).put("m", c.height()).put("n", c.width());
        n.put("w", c.maxAbsConvWeight());
        n.put("P", c.hiddenLayers()).put("h", c.hiddenWidth()).put("wTilde", c.maxAbsDenseWeight());
        n.put("poolSize", c.poolSize()).put("poolAt", c.poolAt());
        n.put("inputNormSq", c.inputNormSq()).put("samples", c.samples()).put("weightSource", c.weightSource());
        n.put("statement", "L = number of conv layers (the linear head is layer L+1); C = largest channel count of any "
                + "conv layer's input or output; k = largest kernel; m x n = largest feature map (the input's); "
                + "w = largest |weight| over conv weights, biases excluded; P, h = number and largest width of hidden "
                + "fully connected layers; wTilde = largest |weight| over fully connected weights, biases excluded; "
                + "inputNormSq = largest squared norm of a normalised input among the samples used; "
                + "bounds are log10 of the bound on ||H_O|| (weights only)");
        return n;
    }

    private static ObjectNode bound(Bound b) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("log10", b.log10());
        return n;
    }

    private static ObjectNode map(FeatureMap m) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("channels", m.channels()).put("height", m.height()).put("width", m.width());
        return n;
    }
}
