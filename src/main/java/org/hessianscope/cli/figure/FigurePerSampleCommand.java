package org.hessianscope.cli.figure;

import org.hessianscope.cli.common.CurvatureInput;
import org.hessianscope.curvature.Curvature;
import org.hessianscope.figure.PerSampleFigure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "per-sample", aliases = "persample", mixinStandardHelpOptions = true,
        description = "Per-sample ‖H_O,i‖ and ‖H_F,i‖/‖H_O,i‖ against per-sample loss, on log axes.")
public final class FigurePerSampleCommand implements Callable<Integer> {
    @Mixin
    CurvatureInput input;

    @Option(names = "--per-sample-full", paramLabel = "N", defaultValue = "200",
            description = "‖H_F,i‖ by Lanczos for N random samples plus the 20 of highest loss (0: skip; default ${DEFAULT-VALUE}).")
    int perSampleFull;

    @Option(names = "--weights-only", description = "‖H_O,i‖ over weights only (biases excluded), as the theorems bound it.")
    boolean weightsOnly;

    @Mixin
    FigureOutput output;

    @Override
    public Integer call() throws Exception {
        output.validate();
        Curvature.Options options = new Curvature.Options(1, Math.max(1, input.lanczosSteps), 1, false,
                true, perSampleFull, perSampleFull > 0 ? 20 : 0, input.seed);
        CurvatureInput.Analysed a = input.run(options);
        double[] ggn = weightsOnly ? a.result().perSampleGgn().ggnNormWeightsOnly() : a.result().perSampleGgn().ggnNorm();
        System.out.println(a.description());
        output.write(PerSampleFigure.chart(a.losses(), ggn, a.result().perSampleFull(), output.style()));
        return 0;
    }
}
