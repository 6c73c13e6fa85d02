package org.hessianscope.cli.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.hessianscope.landscape.LossDifferenceBound;
import org.hessianscope.landscape.LossDifferenceResult;
import org.hessianscope.landscape.Smoothing;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The lossdiff outputs: a JSON summary at chosen k and a CSV of the full curves. */
public final class LossDifferenceReport {
    /** JSON names of {@link LossDifferenceResult#QUANTILE_LEVELS}. */
    static final String[] QUANTILE_KEYS = {"q05", "q25", "q50", "q75", "q95"};

    private LossDifferenceReport() {
    }

    /** {@code smoothed} is the curve behind {@code smoothedMeanAbs}, indexed k − 1. */
    static String json(LossDifferenceResult r, int[] ks, double[] smoothed) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("n", r.n());
        root.put("orderings", r.orderings());
        root.put("seed", r.seed());
        root.put("lossMean", finite(r.losses().mean()));
        root.put("lossStd", finite(r.losses().std()));
        root.put("lossMax", finite(r.losses().max()));
        root.put("exactMeanAbsFirst", finite(r.exactMeanAbsFirst()));
        root.put("exactMeanAbsLast", finite(r.exactMeanAbsLast()));
        Map<String, Object> atK = new LinkedHashMap<>();
        for (int k : ks) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("meanAbs", finite(r.meanAbs(k)));
            v.put("stderrAbs", finite(r.stderrAbs(k)));
            for (int l = 0; l < QUANTILE_KEYS.length; l++) {
                v.put(QUANTILE_KEYS[l], finite(r.quantile(l, k)));
            }
            v.put("exactMeanSq", finite(r.exactMeanSq(k)));
            v.put("smoothedMeanAbs", finite(smoothed[k - 1]));
            atK.put(Integer.toString(k), v);
        }
        root.put("atK", atK);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One row per k = 1..N−1; quantile cells are empty off the quantile grid. */
    static String csv(LossDifferenceResult r, double alpha) {
        double[] smoothed = Smoothing.ema(r.meanAbs(), alpha);
        double[] corrected = Smoothing.emaBiasCorrected(r.meanAbs(), alpha);
        StringBuilder sb = new StringBuilder(r.n() * 160);
        sb.append("k,meanAbs,stderrAbs,exactRmsDiff,smoothed,smoothedBiasCorrected,bound");
        for (String q : QUANTILE_KEYS) {
            sb.append(',').append(q);
        }
        sb.append('\n');
        for (int k = 1; k < r.n(); k++) {
            sb.append(k).append(',').append(cell(r.meanAbs(k))).append(',').append(cell(r.stderrAbs(k)))
                    .append(',').append(cell(Math.sqrt(r.exactMeanSq(k))))
                    .append(',').append(cell(smoothed[k - 1])).append(',').append(cell(corrected[k - 1]))
                    .append(',').append(cell(LossDifferenceBound.loss(k, r.losses().maxAbs())));
            for (int l = 0; l < QUANTILE_KEYS.length; l++) {
                sb.append(',').append(cell(r.quantile(l, k)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** JSON has no NaN: an undefined value (e.g. the standard error of one ordering) is null. */
    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static String cell(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }
}
