package org.hessianscope.interop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.InputShape;
import org.hessianscope.arch.ParameterLayout;
import org.hessianscope.arch.SpecException;
import org.hessianscope.arch.SpecJson;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads a DL4J ModelSerializer zip holding a MultiLayerNetwork whose layers the
 * spec family covers (see {@link Dl4jSpecReader}); otherwise the error names the
 * first unsupported layer and why.
 */
public final class Dl4jImport {

    /** Larger configuration or spec entries are not ours to parse. */
    private static final long MAX_JSON_BYTES = 16L << 20;

    private Dl4jImport() {
    }

    /** Reads the model; its input shape comes from the spec stored by {@link Dl4jExport} or from its layers. */
    public static Dl4jModel read(Path zip) throws IOException {
        return read(zip, null);
    }

    /** Reads the model for inputs of shape {@code input} (null: as in {@link #read(Path)}). */
    public static Dl4jModel read(Path zip, InputShape input) throws IOException {
        if (!Files.isRegularFile(zip)) {
            throw new NoSuchFileException(zip + ": no such DL4J model file");
        }
        InputShape shape = input;
        String config;
        try (ZipFile z = open(zip)) {
            config = entryText(z, zip, ModelSerializer.CONFIGURATION_JSON);
            if (config == null) {
                throw new IOException(zip + ": not a DL4J model: the zip has no " + ModelSerializer.CONFIGURATION_JSON);
            }
            if (isComputationGraph(zip, config)) {
                throw new UnsupportedModelException(-1, zip + ": a DL4J ComputationGraph; only a MultiLayerNetwork "
                        + "(a plain stack of layers) can be imported");
            }
            String stored = entryText(z, zip, Dl4jExport.SPEC_ENTRY);
            if (shape == null && stored != null) {
                shape = storedInput(zip, stored);
            }
        } catch (ZipException e) {
            throw notAZip(zip, e);
        }
        Dl4jRuntime.start();
        checkCoefficients(zip, config);
        MultiLayerNetwork net;
        try {
            net = ModelSerializer.restoreMultiLayerNetwork(zip.toFile(), false);
        } catch (RuntimeException e) {
            throw new IOException(zip + ": DL4J cannot read this model: " + firstLine(e.getMessage()), e);
        }
        try {
            Dl4jSpecReader.Result read = Dl4jSpecReader.read(net.getLayerWiseConfigurations(), shape);
            ArchitectureSpec spec = read.spec();
            checkShapes(spec, read.layerIndex(), net);
            double[] theta = Dl4jParameters.read(spec, read.layerIndex(), net::getParam);
            ParameterLayout layout = spec.parameterLayout();
            for (int i = 0; i < theta.length; i++) {
                if (!Double.isFinite(theta[i])) {
                    throw new IllegalArgumentException(zip + ": weight " + layout.nameOf(i) + " is " + theta[i]
                            + "; weights must be finite");
                }
            }
            return new Dl4jModel(spec, theta);
        } catch (UnsupportedModelException e) {
            throw new UnsupportedModelException(e.layer(), zip + ": " + e.getMessage());
        } catch (SpecException e) {
            throw new SpecException(zip + ": the layers describe an impossible network: " + e.getMessage());
        }
    }

    /** DL4J stores dense W as [nIn, nOut]; every other tensor has our shape (biases possibly as [1, n]). */
    private static void checkShapes(ArchitectureSpec spec, Map<String, Integer> layerIndex, MultiLayerNetwork net) {
        for (ParameterLayout.Tensor t : spec.parameterLayout().tensors()) {
            int layer = layerIndex.get(t.layer());
            String key = Dl4jParameters.key(layer, t);
            INDArray a = net.getParam(key);
            int[] s = t.shape();
            long[] expected = t.bias() ? new long[] {s[0]}
                    : s.length == 2 ? new long[] {s[1], s[0]} : Arrays.stream(s).asLongStream().toArray();
            long[] found = a.shape();
            boolean ok = t.bias() ? a.length() == s[0] : Arrays.equals(expected, found);
            if (!ok) {
                throw Dl4jSpecReader.unsupported(layer, net.getLayer(layer).conf().getLayer(),
                        "parameter " + t.name() + " (" + key + ") has shape " + Arrays.toString(found) + " but "
                                + "the spec with input " + spec.input().channels() + "×" + spec.input().height() + "×"
                                + spec.input().width() + " needs " + Arrays.toString(expected)
                                + "; is the input shape right?");
            }
        }
    }

    private static boolean isComputationGraph(Path zip, String config) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(config);
        } catch (JsonProcessingException e) {
            // Also a configuration nested deeper than Jackson's limit: one line naming the zip, not a trace.
            throw new IOException(zip + ": entry " + ModelSerializer.CONFIGURATION_JSON + " is not valid JSON: "
                    + firstLine(e.getOriginalMessage()), e);
        }
        if (root == null || !root.isObject()) {
            throw new IOException(zip + ": entry " + ModelSerializer.CONFIGURATION_JSON + " is not a JSON object");
        }
        return root.has("vertices");
    }

    /**
     * The size-checking layer in front of DL4J: the configuration is parsed on its own (cheap, no
     * parameters), its layers give the parameter count, and {@code coefficients.bin}
     * must claim and hold exactly that many values before DL4J is let near it.
     */
    private static void checkCoefficients(Path zip, String config) throws IOException {
        MultiLayerConfiguration conf;
        try {
            conf = MultiLayerConfiguration.fromJson(config);
        } catch (RuntimeException e) {
            throw new IOException(zip + ": entry " + ModelSerializer.CONFIGURATION_JSON + " is not a DL4J "
                    + "configuration: " + firstLine(e.getMessage()), e);
        }
        // The configuration's own count (every layer's nIn and nOut are in it), whatever input shape is asked for:
        // a wrong shape is then reported by the shape check with the tensors named, as before.
        long parameters = 0;
        try {
            for (int i = 0; i < conf.getConfs().size(); i++) {
                var layer = conf.getConf(i);
                parameters = Math.addExact(parameters, layer.getLayer().initializer().numParams(layer));
            }
        } catch (RuntimeException e) {
            throw new IOException(zip + ": entry " + ModelSerializer.CONFIGURATION_JSON + " describes no countable "
                    + "network: " + firstLine(e.getMessage()), e);
        }
        try (ZipFile z = open(zip)) {
            Dl4jCoefficients.check(z, zip, parameters);
        } catch (ZipException e) {
            throw notAZip(zip, e);
        }
    }

    /**
     * Opens the zip; a file that is not one (a damaged central directory ends in an EOFException with no
     * message) is one line naming it.
     */
    static ZipFile open(Path zip) throws IOException {
        try {
            return new ZipFile(zip.toFile());
        } catch (ZipException | java.io.EOFException e) {
            throw notAZip(zip, e);
        }
    }

    private static IOException notAZip(Path zip, IOException e) {
        return new IOException(zip + ": not a DL4J model zip (" + (e.getMessage() == null ? e.getClass().getSimpleName()
                : firstLine(e.getMessage())) + ")", e);
    }

    /** DL4J's messages often quote the whole configuration after the first line: only the first line is worth showing. */
    static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        String first = message.strip().lines().findFirst().orElse("");
        return first.length() > 300 ? first.substring(0, 300) + "…" : first;
    }

    private static InputShape storedInput(Path zip, String json) {
        try {
            return SpecJson.parse(json).input();
        } catch (SpecException e) {
            throw new SpecException(zip + ": entry " + Dl4jExport.SPEC_ENTRY + ": " + e.getMessage());
        }
    }

    private static String entryText(ZipFile z, Path zip, String name) throws IOException {
        ZipEntry e = z.getEntry(name);
        if (e == null) {
            return null;
        }
        try (InputStream in = z.getInputStream(e)) {
            byte[] bytes = in.readNBytes((int) MAX_JSON_BYTES + 1);
            if (bytes.length > MAX_JSON_BYTES) {
                throw new IOException(zip + ": entry " + name + " is larger than " + (MAX_JSON_BYTES >> 20) + " MB");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
