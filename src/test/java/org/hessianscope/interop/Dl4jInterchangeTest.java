package org.hessianscope.interop;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.InputShape;
import org.hessianscope.arch.SpecJson;
import org.hessianscope.data.Samples;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Export to and import from DL4J ModelSerializer zips. */
class Dl4jInterchangeTest {

    /** Softmax of logits computed two ways in double precision. */
    private static final double EXACT = 1e-12;

    @TempDir
    Path dir;

    static List<String> specs() {
        return TestNets.names();
    }

    @ParameterizedTest
    @MethodSource("specs")
    void exportThenImportGivesTheSameSpecAndWeights(String name) throws IOException {
        Path zip = dir.resolve(name + ".zip");
        double[] theta = export(name, 51, zip);
        assertSameModel(name, theta, Dl4jImport.read(zip));
    }

    @Test
    void exportedModelPredictsSoftmaxOfTheLogitsInDl4j() throws IOException {
        ArchitectureSpec spec = TestNets.SPECS.get("maxPool");
        Path zip = dir.resolve("m.zip");
        double[] theta = export("maxPool", 52, zip);
        MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(zip.toFile(), false);
        Samples s = TestNets.samples(spec, 3, 53);
        double[][] x = TestNets.inputs(s);
        double[][] p = net.output(Nd4j.create(TestNets.flatten(x), new long[] {3, 1, 9, 9}, 'c'), false).toDoubleMatrix();
        for (int i = 0; i < 3; i++) {
            assertTrue(TestNets.relativeError(p[i], softmax(NaiveCnn.logits(spec, theta, x[i]))) < EXACT);
        }
    }

    @Test
    void withoutTheStoredSpecTheInputIsRecoveredFromTheLayers() throws IOException {
        Path zip = dir.resolve("h.zip");
        double[] theta = export("hiddenHead", 54, zip);
        assertSameModel("hiddenHead", theta, Dl4jImport.read(withoutEntry(zip, Dl4jExport.SPEC_ENTRY)));
    }

    @Test
    void afterAPoolTheInputSizeMustBeGiven() throws IOException {
        // maxPool: a 9×9 input, conv 2 → 8×8, pool 2 → 4×4; an 8×8 input would give the same 4×4 map.
        Path zip = dir.resolve("p.zip");
        double[] theta = export("maxPool", 55, zip);
        Path bare = withoutEntry(zip, Dl4jExport.SPEC_ENTRY);
        UnsupportedModelException e = assertThrows(UnsupportedModelException.class, () -> Dl4jImport.read(bare));
        assertTrue(e.getMessage().contains("pool1 of size 2") && e.getMessage().contains("--input"), e.getMessage());
        assertSameModel("maxPool", theta, Dl4jImport.read(bare, new InputShape(1, 9, 9)));
    }

    @Test
    void aWrongInputShapeIsReportedWithTheParameterShapes() throws IOException {
        Path zip = dir.resolve("c.zip");
        export("convOnly", 56, zip);
        UnsupportedModelException e = assertThrows(UnsupportedModelException.class,
                () -> Dl4jImport.read(zip, new InputShape(1, 9, 9)));
        // convOnly: 8×8 → conv3 → 6×6 → conv2 → 5×5 × 2 channels = 50 features; a 9×9 input would give 72.
        assertTrue(e.getMessage().contains("fc1.weight") && e.getMessage().contains("[50, 4]")
                && e.getMessage().contains("[72, 4]"), e.getMessage());
    }

    @Test
    void strideTwoIsNamedAsTheFirstUnsupportedLayer() throws IOException {
        Path zip = save(conv(1, 2, 2, Activation.RELU),
                new ConvolutionLayer.Builder(2, 2).nOut(2).stride(2, 2).activation(Activation.IDENTITY).build(),
                conv(2, 2, 1, Activation.TANH), dense(3));
        UnsupportedModelException e = assertThrows(UnsupportedModelException.class, () -> Dl4jImport.read(zip));
        assertEquals(1, e.layer());
        assertTrue(e.getMessage().contains("layer 1 (ConvolutionLayer") && e.getMessage().contains("stride 2×2"),
                e.getMessage());
    }

    @Test
    void samePaddingIsUnsupported() throws IOException {
        Path zip = save(new ConvolutionLayer.Builder(3, 3).nOut(2).convolutionMode(ConvolutionMode.Same)
                .activation(Activation.RELU).build(), dense(3));
        UnsupportedModelException e = assertThrows(UnsupportedModelException.class, () -> Dl4jImport.read(zip));
        assertEquals(0, e.layer());
        assertTrue(e.getMessage().contains("padding Same"), e.getMessage());
    }

    @Test
    void tanhIsUnsupported() throws IOException {
        Path zip = save(conv(1, 2, 2, Activation.RELU), conv(2, 2, 2, Activation.TANH), dense(3));
        UnsupportedModelException e = assertThrows(UnsupportedModelException.class, () -> Dl4jImport.read(zip));
        assertEquals(1, e.layer());
        assertTrue(e.getMessage().contains("tanh"), e.getMessage());
    }

    @Test
    void batchNormalizationIsUnsupported() throws IOException {
        Path zip = save(conv(1, 2, 2, Activation.IDENTITY), new BatchNormalization.Builder().build(),
                new ActivationLayer.Builder().activation(Activation.RELU).build(), dense(3));
        UnsupportedModelException e = assertThrows(UnsupportedModelException.class, () -> Dl4jImport.read(zip));
        assertEquals(1, e.layer());
        assertTrue(e.getMessage().contains("layer 1 (BatchNormalization") && e.getMessage().contains("batch normalization"),
                e.getMessage());
    }

    @Test
    void aHandBuiltNetworkOfTheFamilyIsImported() throws IOException {
        // ReLU folded into the conv, softmax OutputLayer with negative log-likelihood: both map onto the family.
        Path zip = save(conv(1, 3, 2, Activation.RELU), conv(3, 2, 2, Activation.IDENTITY),
                new OutputLayer.Builder(LossFunctions.LossFunction.NEGATIVELOGLIKELIHOOD).nOut(3)
                        .activation(Activation.SOFTMAX).build());
        Dl4jModel m = Dl4jImport.read(zip);
        assertEquals(SpecJson.parse("""
                {"input": {"channels": 1, "height": 6, "width": 6},
                 "conv": [{"channels": 3, "kernel": 2}, {"channels": 2, "kernel": 2}],
                 "reluAfterLastConv": false, "pool": null, "head": {"hidden": []}, "classes": 3}
                """), m.spec());
        // θ is mapped right if DL4J's own prediction is the softmax of the plain forward pass on the imported θ.
        MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(zip.toFile(), false);
        Samples s = TestNets.samples(m.spec(), 2, 57);
        double[][] x = TestNets.inputs(s);
        double[][] p = net.output(Nd4j.create(TestNets.flatten(x), new long[] {2, 1, 6, 6}, 'c'), false).toDoubleMatrix();
        for (int i = 0; i < 2; i++) {
            assertTrue(TestNets.relativeError(p[i], softmax(NaiveCnn.logits(m.spec(), m.theta(), x[i]))) < EXACT);
        }
    }

    private static double[] softmax(double[] z) {
        double lse = CrossEntropy.logSumExp(z);
        double[] p = new double[z.length];
        for (int k = 0; k < z.length; k++) {
            p[k] = Math.exp(z[k] - lse);
        }
        return p;
    }

    @Test
    void aFloat32ModelIsImportedWithItsValuesWidenedExactly() throws IOException {
        // DL4J's default precision is float32; every float is a double, so widening loses nothing.
        Path zip = save(DataType.FLOAT, conv(1, 2, 3, Activation.IDENTITY),
                new ActivationLayer.Builder().activation(Activation.RELU).build(), dense(3));
        Dl4jModel m = Dl4jImport.read(zip);
        MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(zip.toFile(), false);
        assertEquals(DataType.FLOAT, net.params().dataType());
        float[] conv1 = net.getParam("0_W").dup('c').data().asFloat(); // [2, 1, 3, 3], our order
        double[] theta = m.theta();
        for (int i = 0; i < conv1.length; i++) {
            assertEquals(conv1[i], theta[i], 0, "conv1.weight element " + i);
        }
        var fcW = net.getParam("2_W"); // [nIn = 2·4·4, nOut = 3]
        int fcOffset = m.spec().parameterLayout().tensor("fc1.weight").orElseThrow().offset();
        for (int o = 0; o < 3; o++) {
            for (int i = 0; i < 32; i++) {
                assertEquals(fcW.getFloat(i, o), theta[fcOffset + o * 32 + i], 0, "fc1.weight[" + o + ", " + i + "]");
            }
        }
    }

    @Test
    void aComputationGraphIsRejectedAsSuch() throws IOException {
        Dl4jRuntime.start();
        ComputationGraph g = new ComputationGraph(new NeuralNetConfiguration.Builder().dataType(DataType.DOUBLE)
                .graphBuilder().addInputs("in")
                .addLayer("out", new DenseLayer.Builder().nIn(4).nOut(2).activation(Activation.IDENTITY).build(), "in")
                .setOutputs("out").build());
        g.init();
        Path zip = dir.resolve("graph.zip");
        ModelSerializer.writeModel(g, zip.toFile(), false);
        UnsupportedModelException e = assertThrows(UnsupportedModelException.class, () -> Dl4jImport.read(zip));
        assertTrue(e.getMessage().contains("graph.zip") && e.getMessage().contains("ComputationGraph"), e.getMessage());
    }

    @Test
    void aFileThatIsNotAZipIsReportedByName() throws IOException {
        Path junk = Files.writeString(dir.resolve("junk.zip"), "not a zip");
        IOException e = assertThrows(IOException.class, () -> Dl4jImport.read(junk));
        assertTrue(e.getMessage().contains("junk.zip"), e.getMessage());
    }

    /** Exports spec {@code name} with seeded weights to {@code zip} and returns the weights. */
    private double[] export(String name, long seed, Path zip) throws IOException {
        ArchitectureSpec spec = TestNets.SPECS.get(name);
        double[] theta = TestNets.theta(spec, seed);
        Dl4jExport.write(spec, theta, zip);
        return theta;
    }

    private static void assertSameModel(String name, double[] theta, Dl4jModel back) {
        assertEquals(TestNets.SPECS.get(name), back.spec());
        assertArrayEquals(theta, back.theta(), 0);
    }

    private static Layer conv(int nIn, int nOut, int k, Activation a) {
        return new ConvolutionLayer.Builder(k, k).nIn(nIn).nOut(nOut).activation(a).build();
    }

    private static Layer dense(int classes) {
        return new DenseLayer.Builder().nOut(classes).activation(Activation.IDENTITY).build();
    }

    /** A network on 1×6×6 inputs, as a DL4J user would build it, saved with ModelSerializer. */
    private Path save(Layer... layers) throws IOException {
        return save(DataType.DOUBLE, layers);
    }

    private Path save(DataType type, Layer... layers) throws IOException {
        Dl4jRuntime.start();
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder().seed(7).dataType(type)
                .convolutionMode(ConvolutionMode.Truncate).list();
        for (int i = 0; i < layers.length; i++) {
            b.layer(i, layers[i]);
        }
        MultiLayerNetwork net = new MultiLayerNetwork(b.setInputType(InputType.convolutional(6, 6, 1)).build());
        net.init();
        Path zip = Files.createTempFile(dir, "net", ".zip");
        ModelSerializer.writeModel(net, zip.toFile(), false);
        return zip;
    }

    private Path withoutEntry(Path zip, String drop) throws IOException {
        Path out = dir.resolve("bare-" + zip.getFileName());
        try (ZipFile in = new ZipFile(zip.toFile()); OutputStream os = Files.newOutputStream(out);
             ZipOutputStream z = new ZipOutputStream(os)) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (!e.getName().equals(drop)) {
                    z.putNextEntry(new ZipEntry(e.getName()));
                    try (InputStream is = in.getInputStream(e)) {
                        is.transferTo(z);
                    }
                    z.closeEntry();
                }
            }
        }
        return out;
    }
}
