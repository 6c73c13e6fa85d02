package org.hessianscope.cli.common;

import org.hessianscope.curvature.Curvature;
import org.hessianscope.curvature.LanczosOptions;
import org.hessianscope.data.Dataset;
import org.hessianscope.data.Samples;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.Model;
import org.hessianscope.engine.Network;
import org.hessianscope.task.ProgressMonitor;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The model, samples and Lanczos settings shared by `hessian` and the curvature figures. */
public final class CurvatureInput {
    @Mixin
    ModelSource modelSource;

    @Mixin
    DatasetOptions data;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "" + Curvature.DEFAULT_SAMPLES,
            description = "Mean loss over the first N training samples, in file order (default ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--lanczos-steps", defaultValue = "" + LanczosOptions.DEFAULT_STEPS, description = "Lanczos steps per operator (default ${DEFAULT-VALUE}).")
    public int lanczosSteps;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of every random probe and choice (default ${DEFAULT-VALUE}).")
    public long seed;

    /** The network at its weights and the samples to analyse, checked against each other. */
    public record Prepared(Model model, Samples samples, String description) {
    }

    /** The analysis with {@code options}, and the per-sample losses of the samples it used. */
    public record Analysed(Curvature.Result result, double[] losses, String description) {
    }

    public Prepared prepare() throws Exception {
        if (samples < 1) {
            throw new IllegalArgumentException("--samples is " + samples + "; it must be at least 1");
        }
        ModelSource.Loaded loaded = modelSource.load();
        Dataset train = data.train();
        ModelSource.checkFits(loaded.spec(), train, train.describe());
        if (samples > train.size()) {
            throw new IllegalArgumentException("--samples " + samples + " exceeds the " + train.size()
                    + " training records of " + train.describe());
        }
        return new Prepared(new Model(Network.of(loaded.spec()), loaded.theta()), train.first(samples),
                loaded.description() + " on the first " + samples + " samples of " + train.describe());
    }

    public Analysed run(Curvature.Options options) throws Exception {
        Prepared p = prepare();
        try (Engine engine = Engine.create()) {
            Curvature.Result result = Curvature.run(engine, p.model(), p.samples(), options,
                    ConsoleProgress.onTerminal(), Curvature.Listener.NONE);
            double[] losses = engine.perSampleLosses(p.model(), p.samples(), ProgressMonitor.NONE);
            return new Analysed(result, losses, p.description());
        }
    }
}
