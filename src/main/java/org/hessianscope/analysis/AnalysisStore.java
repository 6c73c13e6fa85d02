package org.hessianscope.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hessianscope.io.AtomicFiles;
import org.hessianscope.io.BoundedText;
import org.hessianscope.run.RunFolder;
import org.hessianscope.io.Npy;
import org.hessianscope.io.NpyArray;
import org.hessianscope.curvature.Curvature;
import org.hessianscope.task.ProgressMonitor;

/**
 * {@code RUN_DIR/analysis.json}: the {@link AnalysisResult} of a run, so a reopened run
 * shows at once. NaN (the standard error of a single ordering) is written as "NaN".
 */
public final class AnalysisStore {
    public static final String FILE = "analysis.json";
    /** The per-sample losses ℓ_i at θ̂ as a float64 .npy, in training-set order. */
    public static final String LOSSES = "losses.npy";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .addModule(AnalysisJson.module())
            .build();

    private AnalysisStore() {
    }

    public static void write(Path run, AnalysisResult result) throws IOException {
        AtomicFiles.write(run.resolve(FILE), JSON.writeValueAsBytes(result));
    }

    /**
     * The compact form for shipping: {@code analysis.json} without the per-sample losses, which go
     * to {@code losses.npy} beside it in float64, and without the results of analyses that are
     * {@link Analysis#fromLossesAlone()} (the loss-difference curves), which {@link #read} recomputes
     * from the losses with the recorded seed (deterministic, and well under a second for 60,000
     * losses). It is about a twentieth of the full file.
     */
    public static Map<String, byte[]> compact(AnalysisResult result) throws IOException {
        Map<String, Object> kept = new LinkedHashMap<>();
        for (Analysis<?, ?> a : Analyses.ALL) {
            Object r = result.results().get(a.step().key());
            if (r != null && !a.fromLossesAlone()) {
                kept.put(a.step().key(), r);
            }
        }
        AnalysisResult lean = new AnalysisResult(result.options(), null, result.labels(), result.predictions(), kept);
        double[] losses = result.losses();
        return Map.of(FILE, JSON.writeValueAsBytes(lean),
                LOSSES, Npy.toBytes(NpyArray.of(new int[] {losses.length}, losses)));
    }

    /**
     * The stored analysis, empty when the run has none yet; a damaged file (not JSON, a folder,
     * out-of-range settings, arrays that disagree, labels no class has, non-finite losses) is an
     * IOException naming it, so it is never shown or reused as if it held a result.
     */
    public static Optional<AnalysisResult> read(Path run) throws IOException {
        return read(run, null);
    }

    /**
     * {@link #read(Path)}, taking the loss-difference curves a compact file leaves out from
     * {@code cache} when it holds them for these losses and settings (null: always recompute).
     */
    public static Optional<AnalysisResult> read(Path run, LossDifferenceDiskCache cache) throws IOException {
        Path file = run.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        AnalysisResult r;
        try {
            r = JSON.readValue(BoundedText.read(file, BoundedText.ANALYSIS, FILE), AnalysisResult.class);
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": not a valid analysis (" + e.getOriginalMessage()
                    + "); delete it and analyse the run again", e);
        }
        if (r == null || r.options() == null || r.labels() == null || r.predictions() == null) {
            throw new IOException(file + ": not a valid analysis (options, labels and predictions are required); "
                    + "delete it and analyse the run again");
        }
        if (r.losses() != null && !recomputable(r)) {
            check(run, r, r.losses());
            return Optional.of(r);
        }
        return Optional.of(expand(run, r, cache));
    }

    /** The checks a result must pass before the expensive expansion and before anyone uses it. */
    private static void check(Path run, AnalysisResult r, double[] losses) throws IOException {
        Path file = run.resolve(FILE);
        String redo = "; delete it and analyse the run again";
        int n = losses.length;
        if (r.labels().length != n || r.predictions().length != n) {
            throw new IOException(file + ": not a valid analysis: " + n + " losses but " + r.labels().length
                    + " labels and " + r.predictions().length + " predictions" + redo);
        }
        for (int i = 0; i < n; i++) {
            if (!(losses[i] >= 0) || !Double.isFinite(losses[i])) {
                throw new IOException(file + ": not a valid analysis: loss " + i + " is " + losses[i]
                        + " (a cross-entropy is finite and ≥ 0)" + redo);
            }
        }
        int classes = classes(run);
        for (int i = 0; i < n; i++) {
            int label = r.labels()[i];
            int prediction = r.predictions()[i];
            if (label < 0 || label >= classes || prediction < 0 || prediction >= classes) {
                throw new IOException(file + ": not a valid analysis: sample " + i + " has label " + r.labels()[i]
                        + " and prediction " + r.predictions()[i] + " but the network has classes 0.." + (classes - 1)
                        + redo);
            }
        }
        if (r.curvature() != null && r.curvature().samples() > n) {
            throw new IOException(file + ": not a valid analysis: curvature on " + r.curvature().samples()
                    + " samples of " + n + redo);
        }
    }

    /** The run's number of classes from its spec.json; without a readable spec, any non-negative label passes. */
    private static int classes(Path run) {
        try {
            return RunFolder.readSpec(run).classes();
        } catch (IOException | RuntimeException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static AnalysisResult expand(Path run, AnalysisResult r, LossDifferenceDiskCache cache) throws IOException {
        double[] losses = r.losses();
        if (losses == null) {
            Path file = run.resolve(LOSSES);
            if (!Files.isRegularFile(file)) {
                throw new IOException(run.resolve(FILE) + " is in compact form but " + LOSSES + " is missing beside it");
            }
            NpyArray a = Npy.read(file);
            if (a.shape().length != 1 || a.shape()[0] != r.labels().length) {
                throw new IOException(file + " has shape " + a.shapeString() + " but " + FILE + " has "
                        + r.labels().length + " labels");
            }
            losses = a.data();
        }
        check(run, r, losses);
        Map<String, Object> results = new LinkedHashMap<>();
        for (Analysis<?, ?> a : Analyses.ALL) {
            Object stored = r.results().get(a.step().key());
            if (stored == null && a.fromLossesAlone()) {
                AnalysisInput in = new AnalysisInput(null, null, null, null, losses, r.labels(), r.predictions(),
                        results, Curvature.Listener.NONE, null, null);
                if (a == Analyses.LOSS_DIFFERENCE && cache != null) {
                    stored = cache.get(losses, r.options().lossDifference(), () -> Analyses.LOSS_DIFFERENCE.run(in,
                            Analyses.LOSS_DIFFERENCE.options(r.options()), ProgressMonitor.NONE));
                } else {
                    stored = rerun(a, in, r.options());
                }
            }
            if (stored != null) {
                results.put(a.step().key(), stored);
            }
        }
        return new AnalysisResult(r.options(), losses, r.labels(), r.predictions(), results);
    }

    /** Whether an analysis the compact form leaves out is missing. */
    private static boolean recomputable(AnalysisResult r) {
        return Analyses.ALL.stream().anyMatch(a -> a.fromLossesAlone() && !r.results().containsKey(a.step().key()));
    }

    private static <O, R> R rerun(Analysis<O, R> a, AnalysisInput in, AnalysisOptions settings) {
        return a.run(in, a.options(settings), ProgressMonitor.NONE);
    }
}
