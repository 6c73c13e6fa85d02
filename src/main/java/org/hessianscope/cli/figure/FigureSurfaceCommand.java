package org.hessianscope.cli.figure;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hessianscope.analysis.Analyses;
import org.hessianscope.analysis.AnalysisStore;
import org.hessianscope.figure.FigureExport;
import org.hessianscope.figure.SurfaceFigures;
import org.hessianscope.io.AtomicFiles;
import org.hessianscope.surface.SurfaceJson;
import org.hessianscope.surface.SurfaceResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code figure surface}: the landscape slice written by {@code surface --json} or stored by {@code analyze --surface}. */
@Command(name = "surface", mixinStandardHelpOptions = true,
        description = "The landscape slice around θ̂, drawn as the GUI's Landscape tab draws it: in 2D a heat map with a "
                + "colour bar, contours of L_k and dashed contours of its quadratic model; in 1D L_k with its quadratic "
                + "model dashed.")
public final class FigureSurfaceCommand implements Callable<Integer> {

    @Option(names = "--json", paramLabel = "S.json", description = "A slice written by `surface --json`.")
    Path json;

    @Option(names = "--run", paramLabel = "RUN_DIR", description = "Or a run whose analysis.json holds a surface (analyze --surface).")
    Path run;

    @Option(names = "--k", paramLabel = "K", description = "The k drawn (default: the largest computed).")
    Integer k;

    @Option(names = "--map", defaultValue = "loss",
            description = "What the 2D heat map shows: loss (L_k), accuracy or sigma2 (σ², the loss-difference map); default ${DEFAULT-VALUE}.")
    String map;

    @Mixin
    FigureOutput output;

    @Override
    public Integer call() throws Exception {
        output.validate();
        SurfaceFigures.Map shown = SurfaceFigures.Map.of(map);
        if ((json == null) == (run == null)) {
            throw new IllegalArgumentException("give one of --json S.json or --run RUN_DIR");
        }
        SurfaceResult r = json != null ? SurfaceJson.read(json)
                : AnalysisStore.read(run).map(a -> a.get(Analyses.SURFACE)).orElse(null);
        if (r == null) {
            throw new IllegalArgumentException(run.resolve(AnalysisStore.FILE) + " holds no surface; compute one with "
                    + "analyze --run " + run + " --only surface (or --surface random)");
        }
        int g = k == null ? r.k().length - 1 : r.indexOfK(k);
        if (g < 0) {
            throw new IllegalArgumentException("--k " + k + " was not computed; the slice has k = "
                    + java.util.Arrays.toString(r.k()));
        }
        FigureExport.write(SurfaceFigures.chart(r, g, shown, output.style().withLogX(false)), output.out,
                output.width, output.height, output.scale);
        if (output.csv != null) {
            AtomicFiles.write(output.csv, SurfaceFigures.csv(r).getBytes(StandardCharsets.UTF_8));
        }
        System.out.println("wrote " + output.out + (output.csv != null ? " and " + output.csv : ""));
        return 0;
    }
}
