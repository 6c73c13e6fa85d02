package org.hessianscope.cli.analysis;

import org.hessianscope.cli.common.ConsoleProgress;
import org.hessianscope.cli.common.CurvatureInput;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.hessianscope.curvature.HessianAnalysis;
import org.hessianscope.curvature.HessianReport;
import org.hessianscope.curvature.PerSampleGgn;
import org.hessianscope.data.Samples;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.Model;
import org.hessianscope.io.Npy;
import org.hessianscope.io.NpyArray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "curvature", aliases = "hessian", mixinStandardHelpOptions = true,
        description = "Curvature of the mean loss over the first N training samples: top/bottom eigenvalues, trace and "
                + "density of the Hessian H, its Gauss-Newton part H_O (ggn) and remainder H_F, and per-sample norms.")
public final class HessianCommand implements Callable<Integer> {

    @Mixin
    CurvatureInput input;

    @Option(names = "--top", defaultValue = "" + HessianAnalysis.DEFAULT_TOP, description = "Eigenvalues at each end (default ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--trace-probes", defaultValue = "" + HessianAnalysis.DEFAULT_TRACE_PROBES, description = "Hutchinson probes for tr H (default ${DEFAULT-VALUE}).")
    int traceProbes;

    @Option(names = "--density", description = "Also estimate the spectral density of H (stochastic Lanczos quadrature, 10 probes).")
    boolean density;

    @Option(names = "--per-sample-ggn", description = "Also compute ‖H_O,i‖ (all parameters and weights only) for every sample.")
    boolean perSampleGgn;

    @Option(names = "--per-sample-full", paramLabel = "N", defaultValue = "0",
            description = "‖H_i‖ and ‖H_F,i‖ by Lanczos for N random samples plus the " + HessianAnalysis.HIGHEST_LOSS + " of highest loss (0: skip; default ${DEFAULT-VALUE}).")
    int perSampleFull;

    @Option(names = "--threads", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--json", paramLabel = "OUT.json", required = true, description = "Where to write the results.")
    Path json;

    @Option(names = "--save-per-sample", paramLabel = "OUT.npy",
            description = "Write the per-sample ggn norms as an N×2 float64 .npy (columns: all parameters, weights only); implies --per-sample-ggn.")
    Path savePerSample;

    @Override
    public Integer call() throws Exception {
        CurvatureInput.Prepared prepared = input.prepare();
        Samples chosen = prepared.samples();
        Model model = prepared.model();
        HessianAnalysis.Options options = new HessianAnalysis.Options(top, input.lanczosSteps, traceProbes, density,
                perSampleGgn || savePerSample != null, perSampleFull, perSampleFull > 0 ? HessianAnalysis.HIGHEST_LOSS : 0, input.seed);
        HessianAnalysis.Result result;
        try (Engine engine = threads == null ? Engine.create() : new Engine(threads)) {
            result = HessianAnalysis.run(engine, model, chosen, options, ConsoleProgress.onTerminal(),
                    HessianAnalysis.Listener.NONE);
        }
        Map<String, Object> report = HessianReport.toMap(result);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report);
        if (savePerSample != null) {
            PerSampleGgn.Result ps = result.perSampleGgn();
            double[] table = new double[2 * ps.ggnNorm().length];
            for (int i = 0; i < ps.ggnNorm().length; i++) {
                table[2 * i] = ps.ggnNorm()[i];
                table[2 * i + 1] = ps.ggnNormWeightsOnly()[i];
            }
            Npy.write(NpyArray.of(new int[] {ps.ggnNorm().length, 2}, table), savePerSample);
        }
        System.out.println(prepared.description());
        System.out.printf("‖H‖ top %.6g, bottom %.6g, trace %.6g ± %.2g; ‖H_O‖ %.6g; ‖H_F‖/‖H_O‖ %.4g%n",
                result.hessian().top()[0], result.hessian().bottom()[0], result.trace().trace(),
                result.trace().standardError(), result.ggn().top()[0], result.residualOverGgn());
        return 0;
    }
}
