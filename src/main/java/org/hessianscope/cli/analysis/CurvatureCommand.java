package org.hessianscope.cli.analysis;

import org.hessianscope.cli.common.ConsoleProgress;
import org.hessianscope.cli.common.CurvatureInput;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.hessianscope.curvature.Curvature;
import org.hessianscope.curvature.CurvatureReport;
import org.hessianscope.curvature.LanczosResult;
import org.hessianscope.curvature.PerSampleGgn;
import org.hessianscope.curvature.Summary;
import org.hessianscope.data.Samples;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.Model;
import org.hessianscope.io.Npy;
import org.hessianscope.io.NpyArray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "curvature", aliases = "hessian", mixinStandardHelpOptions = true,
        description = "Curvature of the mean loss over the first N training samples: top/bottom eigenvalues, trace and "
                + "density of the Hessian H, its Gauss-Newton part H_O (ggn) and remainder H_F, and per-sample norms.")
public final class CurvatureCommand implements Callable<Integer> {

    @Mixin
    CurvatureInput input;

    @Option(names = "--top", defaultValue = "" + Curvature.DEFAULT_TOP, description = "Eigenvalues at each end (default ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--trace-probes", defaultValue = "" + Curvature.DEFAULT_TRACE_PROBES, description = "Hutchinson probes on H_F for tr H, a check of tr H_F = 0 (default ${DEFAULT-VALUE}: tr H = tr H_O exactly, docs/curvature.md).")
    int traceProbes;

    @Option(names = "--density", description = "Also estimate the spectral density of H (stochastic Lanczos quadrature, 10 probes).")
    boolean density;

    @Option(names = "--per-sample-ggn", description = "Also compute ‖H_O,i‖ (all parameters and weights only) for every sample.")
    boolean perSampleGgn;

    @Option(names = "--per-sample-full", paramLabel = "N", defaultValue = "0",
            description = "‖H_i‖ and ‖H_F,i‖ by Lanczos for N random samples plus the " + Curvature.HIGHEST_LOSS + " of highest loss (0: skip; default ${DEFAULT-VALUE}).")
    int perSampleFull;

    @Option(names = "--threads", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--json", paramLabel = "OUT.json", required = true, description = "Where to write the results.")
    Path json;

    @Option(names = "--save-per-sample", paramLabel = "OUT.npy",
            description = "Write the per-sample ggn norms as an N×2 float64 .npy (columns: all parameters, weights only); implies --per-sample-ggn.")
    Path savePerSample;

    private static void printSummary(String what, Summary s) {
        System.out.printf(Locale.ROOT, "%s: max %.4g (sample %d), median %.4g, 95th percentile %.4g%n", what, s.max(),
                s.argmax(), s.median(), s.p95());
    }

    private static void notConverged(String operator, LanczosResult r) {
        if (!r.converged()) {
            System.out.printf(Locale.ROOT, "warning: Lanczos on %s did not converge in %d steps (residual of the top "
                    + "value %.2g); --lanczos-steps more would tighten it%n", operator, r.steps(),
                    r.topResiduals().length == 0 ? Double.NaN : r.topResiduals()[0]);
        }
    }

    @Override
    public Integer call() throws Exception {
        CurvatureInput.Prepared prepared = input.prepare();
        Samples chosen = prepared.samples();
        Model model = prepared.model();
        Curvature.Options options = new Curvature.Options(top, input.lanczosSteps, traceProbes, density,
                perSampleGgn || savePerSample != null, perSampleFull, perSampleFull > 0 ? Curvature.HIGHEST_LOSS : 0, input.seed);
        Curvature.Result result;
        ConsoleProgress progress = ConsoleProgress.onTerminal();
        try (Engine engine = threads == null ? Engine.create() : new Engine(threads)) {
            result = Curvature.run(engine, model, chosen, options, progress, Curvature.Listener.NONE);
        } finally {
            progress.finish();
        }
        Map<String, Object> report = CurvatureReport.toMap(result);
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
        // Without probes the trace is exact (tr H = tr H_O); a "± 0" would read like an estimate that happened to agree.
        String trace = result.trace().samples().length == 0
                ? String.format(Locale.ROOT, "%.6g (exact)", result.trace().trace())
                : String.format(Locale.ROOT, "%.6g ± %.2g", result.trace().trace(), result.trace().standardError());
        System.out.printf(Locale.ROOT, "‖H‖ top %.6g, bottom %.6g, trace %s; ‖H_O‖ %.6g; ‖H_F‖/‖H_O‖ %.4g%n",
                result.hessian().top()[0], result.hessian().bottom()[0], trace, result.ggn().top()[0],
                result.residualOverGgn());
        if (result.perSampleGgn() != null) {
            printSummary("per-sample ‖H_O,i‖", result.perSampleGgn().ggnSummary());
            printSummary("per-sample ‖H_O,i‖ (weights only)", result.perSampleGgn().weightsOnlySummary());
        }
        if (result.perSampleFull() != null) {
            System.out.printf(Locale.ROOT, "per-sample ‖H_F,i‖/‖H_O,i‖ on %d samples: median %.4g, max %.4g%n",
                    result.perSampleFull().entries().length, result.perSampleFull().medianRatio(),
                    result.perSampleFull().maxRatio());
        }
        // What the JSON says as "converged": false, said where it is read.
        notConverged("H", result.hessian());
        notConverged("H_O (ggn)", result.ggn());
        notConverged("H_F (residual)", result.residual());
        System.out.println("wrote " + json);
        return 0;
    }
}
