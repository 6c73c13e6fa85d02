package org.hessianscope.cli.common;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.ConvLayerSpec;
import org.hessianscope.arch.HeadSpec;
import org.hessianscope.arch.InputShape;
import org.hessianscope.arch.PoolSpec;
import org.hessianscope.arch.PoolType;
import org.hessianscope.arch.SpecException;
import org.hessianscope.arch.SpecJson;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A network given as a spec file or by the paper's parameters (L, C, k, pool, head). */
public final class SpecOptions {

    @Option(names = "--spec", paramLabel = "S.json", description = "Architecture spec JSON file.")
    Path specFile;

    @Option(names = "--layers", paramLabel = "L", description = "Number of conv layers (default: ${DEFAULT-VALUE}).", defaultValue = "4")
    int layers;

    @Option(names = "--channels", paramLabel = "C", description = "Channels of every conv layer (default: ${DEFAULT-VALUE}).", defaultValue = "6")
    int channels;

    @Option(names = "--kernel", paramLabel = "k", description = "Kernel size of every conv layer (default: ${DEFAULT-VALUE}).", defaultValue = "3")
    int kernel;

    @Option(names = "--pool", paramLabel = "TYPE:SIZE@AT", description = "A pool replacing nonlinearity AT (1-based), e.g. max:2@1 or avg:2@3.")
    String pool;

    @Option(names = "--hidden", paramLabel = "W1,W2", split = ",", description = "Widths of hidden fully connected layers before the linear head.")
    List<Integer> hidden = new ArrayList<>();

    @Option(names = "--relu-last", description = "Put a ReLU after the last conv layer too (the paper's code has none).")
    boolean reluLast;

    @Option(names = "--input", paramLabel = "CxHxW", description = "Input shape (default: ${DEFAULT-VALUE}, MNIST).", defaultValue = "1x28x28")
    String input;

    @Option(names = "--classes", description = "Number of classes (default: ${DEFAULT-VALUE}).", defaultValue = "10")
    int classes;

    public ArchitectureSpec resolve() throws IOException {
        if (specFile != null) {
            return SpecJson.read(specFile);
        }
        ArchitectureSpec.requireLayers("--layers", layers);
        List<ConvLayerSpec> conv = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            conv.add(new ConvLayerSpec(channels, kernel));
        }
        return new ArchitectureSpec(parseInput(input), conv, reluLast, pool == null ? null : parsePool(pool),
                new HeadSpec(hidden), classes);
    }

    public static InputShape parseInput(String text) {
        String[] parts = text.toLowerCase().split("x");
        try {
            if (parts.length == 3) {
                return new InputShape(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new SpecException("--input " + text + " is not CxHxW, e.g. 1x28x28 or 3x32x32");
    }

    public static PoolSpec parsePool(String text) {
        String usage = "--pool " + text + " is not TYPE:SIZE@AT, e.g. max:2@1 or avg:2@3";
        int colon = text.indexOf(':');
        int at = text.indexOf('@');
        if (colon < 0 || at < colon) {
            throw new SpecException(usage);
        }
        try {
            return new PoolSpec(PoolType.fromKey("--pool type", text.substring(0, colon)),
                    Integer.parseInt(text.substring(colon + 1, at)), Integer.parseInt(text.substring(at + 1)));
        } catch (NumberFormatException e) {
            throw new SpecException(usage);
        }
    }
}
