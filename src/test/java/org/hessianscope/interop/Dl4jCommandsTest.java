package org.hessianscope.interop;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.SpecJson;
import org.hessianscope.cli.HessianScopeCli;
import org.hessianscope.io.WeightsFile;
import org.hessianscope.run.RunFolder;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The export-dl4j and import-dl4j commands, end to end through the command line. */
class Dl4jCommandsTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = HessianScopeCli.commandLine();
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void exportThenImportThenExportFromTheRunFolder() throws IOException {
        ArchitectureSpec spec = TestNets.SPECS.get("avgPool");
        double[] theta = TestNets.theta(spec, 91);
        Path specFile = dir.resolve("s.json");
        Path weights = dir.resolve("w.npz");
        SpecJson.write(spec, specFile);
        WeightsFile.write(weights, spec, theta);

        Path zip = dir.resolve("model.zip");
        assertEquals(0, run("export-dl4j", "--spec", specFile.toString(), "--weights", weights.toString(),
                "--out", zip.toString()), err.toString());

        Path runDir = dir.resolve("imported");
        assertEquals(0, run("import-dl4j", zip.toString(), "--out", runDir.toString()), err.toString());
        ArchitectureSpec back = RunFolder.readSpec(runDir);
        assertEquals(spec, back);
        assertArrayEquals(theta, RunFolder.readWeights(runDir, back), 0);

        Path again = dir.resolve("again.zip");
        assertEquals(0, run("export-dl4j", "--run", runDir.toString(), "--out", again.toString()), err.toString());
        assertArrayEquals(theta, Dl4jImport.read(again).theta(), 0);
    }

    @Test
    void anUnsupportedLayerIsOneErrorLineNamingIt() throws IOException {
        Dl4jRuntime.start();
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().dataType(DataType.DOUBLE).list()
                .layer(new ConvolutionLayer.Builder(2, 2).nOut(2).stride(2, 2).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nOut(3).activation(Activation.IDENTITY).build())
                .setInputType(InputType.convolutional(6, 6, 1)).build());
        net.init();
        Path zip = dir.resolve("strided.zip");
        ModelSerializer.writeModel(net, zip.toFile(), false);
        assertEquals(2, run("import-dl4j", zip.toString(), "--out", dir.resolve("r").toString()));
        String message = err.toString().strip();
        assertTrue(message.startsWith("error: ") && message.contains("strided.zip")
                && message.contains("layer 0 (ConvolutionLayer") && message.contains("stride 2×2")
                && !message.contains("\n"), message);
        assertTrue(Files.notExists(dir.resolve("r")), "nothing is written for a model that cannot be imported");
    }

    @Test
    void anOccupiedOutputFolderIsRefused() throws IOException {
        ArchitectureSpec spec = TestNets.SPECS.get("convOnly");
        Path zip = dir.resolve("m.zip");
        Dl4jExport.write(spec, TestNets.theta(spec, 92), zip);
        Path occupied = Files.createDirectories(dir.resolve("occupied"));
        Files.writeString(occupied.resolve("notes.txt"), "mine");
        assertEquals(2, run("import-dl4j", zip.toString(), "--out", occupied.toString()));
        assertTrue(err.toString().contains("occupied") && err.toString().contains("not an empty folder"), err.toString());
    }
}
