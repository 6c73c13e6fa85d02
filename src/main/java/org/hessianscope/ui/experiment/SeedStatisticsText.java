package org.hessianscope.ui.experiment;

import java.util.Locale;
import java.util.StringJoiner;
import org.hessianscope.experiment.RankCorrelation;
import org.hessianscope.experiment.SeedInterval;
import org.hessianscope.experiment.SeedTrend;
import org.hessianscope.experiment.SweepSummary;

/**
 * The seed statistics of a finished sweep as the Experiments tab writes them: the numbers of
 * {@code summary.json}'s {@code networks}, {@code seedTrends} and {@code correlations}, in the
 * console's format (mean [95 % interval], ρ, p, order kept), so the window, the console and
 * the file say the same.
 */
final class SeedStatisticsText {
    /** The tests the tab states: the loss-difference curve, σ(ℓ) and the fit along the swept value. */
    static final java.util.List<String> TESTED = java.util.List.of("lossDifferenceTail", "lossStd", "trainLoss");

    private SeedStatisticsText() {
    }

    /** "mean [low, high]", or the mean alone with one seed; "—" when not computed. */
    static String interval(SeedInterval i) {
        if (!Double.isFinite(i.mean())) {
            return "—";
        }
        if (!Double.isFinite(i.low())) {
            return String.format(Locale.ROOT, "%.4g", i.mean());
        }
        return String.format(Locale.ROOT, "%.4g [%.4g, %.4g]", i.mean(), i.low(), i.high());
    }

    /** One line per tested trend and per rank correlation over the runs; empty for a sweep with one seed. */
    static String tests(SweepSummary s) {
        if (!s.seeded()) {
            return "";
        }
        StringJoiner out = new StringJoiner("\n");
        out.add("Over seeds " + s.seeds() + ", mean [95 % interval] per network above; trends along " + s.parameter()
                + " (mean Spearman ρ over seeds, permutation p within seeds, share of seed pairs keeping the order):");
        for (SeedTrend t : s.seedTrends()) {
            if (TESTED.contains(t.metric())) {
                out.add(String.format(Locale.ROOT, "  %s: ρ = %+.2f, p = %.2g%s, order kept %.2f", t.metric(),
                        t.spearman(), t.pValue(), t.exact() ? " (exact)" : "", t.orderKept()));
            }
        }
        for (RankCorrelation c : s.correlations()) {
            out.add(String.format(Locale.ROOT, "  %s vs %s over %d runs: ρ = %+.2f, p = %.2g", c.x(), c.y(), c.runs(),
                    c.spearman(), c.pValue()));
        }
        return out.toString();
    }
}
