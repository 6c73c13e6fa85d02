package org.hessianscope.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import org.hessianscope.io.Npy;
import org.hessianscope.io.NpyArray;
import org.hessianscope.curvature.HessianAnalysis;
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

    /** The stored analysis, empty when the run has none yet; a damaged file is an IOException naming it. */
    public static Optional<AnalysisResult> read(Path run) throws IOException {
        Path file = run.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        AnalysisResult r;
        try {
            r = JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), AnalysisResult.class);
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": not a valid analysis (" + e.getOriginalMessage()
                    + "); delete it and run `analyze --run " + run + "` again", e);
        }
        if (r.options() == null || r.labels() == null || r.predictions() == null) {
            throw new IOException(file + ": not a valid analysis (options, labels and predictions are required); "
                    + "delete it and run `analyze --run " + run + "` again");
        }
        return Optional.of(r.losses() != null && !recomputable(r) ? r : expand(run, r));
    }

    private static AnalysisResult expand(Path run, AnalysisResult r) throws IOException {
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
        Map<String, Object> results = new LinkedHashMap<>();
        for (Analysis<?, ?> a : Analyses.ALL) {
            Object stored = r.results().get(a.step().key());
            if (stored == null && a.fromLossesAlone()) {
                AnalysisInput in = new AnalysisInput(null, null, null, null, losses, r.labels(), r.predictions(),
                        results, HessianAnalysis.Listener.NONE);
                stored = rerun(a, in, r.options());
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
