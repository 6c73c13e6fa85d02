package org.hessianscope.cli.figure;

import org.hessianscope.cli.common.CurvatureInput;
import org.hessianscope.curvature.Curvature;
import org.hessianscope.figure.SpectrumFigure;
import org.hessianscope.curvature.CurvatureOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "spectrum", mixinStandardHelpOptions = true,
        description = "Hessian spectrum: density of H and the extreme eigenvalues of H, H_O (ggn) and H_F as stems.")
public final class FigureSpectrumCommand implements Callable<Integer> {
    @Mixin
    CurvatureInput input;

    @Option(names = "--top", defaultValue = "" + Curvature.DEFAULT_TOP, description = "Eigenvalues at each end (default ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--operators", split = ",", paramLabel = "H,GGN,RESIDUAL",
            description = "Operators drawn as stems: HESSIAN, GGN, RESIDUAL (default: all).")
    List<CurvatureOperator> operators;

    @Option(names = "--no-density", description = "Skip the density (saves 10 probes of Lanczos).")
    boolean noDensity;

    @Mixin
    FigureOutput output;

    @Override
    public Integer call() throws Exception {
        output.validate();
        // The trace is not drawn; one probe keeps its cost negligible.
        Curvature.Options options = new Curvature.Options(top, input.lanczosSteps, 1, !noDensity,
                false, 0, 0, input.seed);
        CurvatureInput.Analysed a = input.run(options);
        EnumSet<CurvatureOperator> shown = operators == null || operators.isEmpty()
                ? EnumSet.allOf(CurvatureOperator.class) : EnumSet.copyOf(operators);
        System.out.println(a.description());
        output.write(SpectrumFigure.chart(a.result(), shown, output.style().withLogX(false)));
        return 0;
    }
}
