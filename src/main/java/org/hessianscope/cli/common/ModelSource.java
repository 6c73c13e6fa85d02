package org.hessianscope.cli.common;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.InputShape;
import org.hessianscope.data.Samples;
import org.hessianscope.io.WeightsFile;
import org.hessianscope.run.RunFolder;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/** Where a trained network comes from: a run folder, or a spec (file or options) with a weights file. A @Mixin. */
public final class ModelSource {

    @Mixin
    SpecOptions spec;

    @Option(names = "--run", paramLabel = "RUN_DIR", description = "A run folder written by train (spec.json and weights.npz).")
    Path run;

    @Option(names = "--weights", paramLabel = "W.npz", description = "Weights (.npz, PyTorch names) for the network given by --spec or --layers/--channels/....")
    Path weights;

    /** A spec, its θ and a description of where they came from. */
    public record Loaded(ArchitectureSpec spec, double[] theta, String description) {
    }

    public Loaded load() throws IOException {
        if (run != null) {
            if (weights != null || spec.specFile != null) {
                throw new IllegalArgumentException("give either --run RUN_DIR or --spec S.json --weights W.npz, not both");
            }
            ArchitectureSpec fromRun = RunFolder.readSpec(run);
            return new Loaded(fromRun, RunFolder.readWeights(run, fromRun), "run " + run);
        }
        if (weights == null) {
            throw new IllegalArgumentException("no weights: give --run RUN_DIR, or --weights W.npz with --spec S.json "
                    + "(or --layers/--channels/--kernel ...)");
        }
        ArchitectureSpec resolved = spec.resolve();
        return new Loaded(resolved, WeightsFile.read(weights, resolved), "weights " + weights);
    }

    /** Rejects data the network cannot take, before any work starts. {@code what} names the data, e.g. "mnist train". */
    public static void checkFits(ArchitectureSpec spec, Samples data, String what) {
        if (data.size() == 0) {
            throw new IllegalArgumentException(what + " is empty; give --train-size of at least 1");
        }
        if (!spec.input().equals(data.inputShape())) {
            throw new IllegalArgumentException("the network takes " + shape(spec.input()) + " inputs but " + what + " has "
                    + shape(data.inputShape()) + " images; use --input " + shape(data.inputShape()).replace('×', 'x')
                    + " or a spec for that input");
        }
        if (spec.classes() != data.classes()) {
            throw new IllegalArgumentException("the network has " + spec.classes() + " classes but " + what + " has "
                    + data.classes() + "; use --classes " + data.classes());
        }
    }

    static String shape(InputShape s) {
        return s.channels() + "×" + s.height() + "×" + s.width();
    }
}
