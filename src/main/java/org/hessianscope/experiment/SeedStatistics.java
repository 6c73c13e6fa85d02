package org.hessianscope.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * What a sweep's seeds say about its findings, from the rows of its summary: per network the
 * mean and 95 % interval of each number over the seeds ({@link SeedInterval}); per number a
 * permutation test of its trend along the swept value ({@link SeedTrend}); and the rank
 * correlations the README's reading rests on, over every (network, seed) run
 * ({@link RankCorrelation}). Rows are grouped by their swept value and their seed.
 */
public final class SeedStatistics {
    /**
     * The numbers summarised over seeds: the loss-difference curve, σ(ℓ), the fit, the curvature, and
     * chart 3's three levels (the paper's bound, Lemma 2 with true norms, the measured max ‖H_O,i‖, as log10).
     */
    public static final List<String> METRICS = List.of("lossDifferenceTail", "exactTail", "lossStd", "trainLoss",
            "testAccuracy", "hessianTop", "hessianBottom", "ggnTop", "residualOverGgn", "medianResidualRatio",
            "maxResidualRatio", "maxGgnNorm", "paperBoundLog10", "lemma2BoundLog10", "measuredLog10");
    /** The pairs whose rank agreement over runs is reported: the curve against σ(ℓ), σ(ℓ) against the training loss. */
    public static final List<List<String>> CORRELATIONS = List.of(List.of("lossDifferenceTail", "lossStd"),
            List.of("lossStd", "trainLoss"), List.of("lossDifferenceTail", "trainLoss"));
    /** The Monte Carlo seed of every permutation test, recorded so a p-value can be recomputed. */
    public static final long PERMUTATION_SEED = 0;

    private SeedStatistics() {
    }

    public static List<NetworkStatistics> networks(List<SweepRow> rows) {
        List<NetworkStatistics> out = new ArrayList<>();
        for (Map.Entry<String, List<SweepRow>> e : byValue(rows).entrySet()) {
            List<SweepRow> runs = e.getValue();
            Map<String, SeedInterval> metrics = new LinkedHashMap<>();
            for (String m : METRICS) {
                metrics.put(m, SeedInterval.of(runs.stream().mapToDouble(Trend.metric(m)).toArray()));
            }
            out.add(new NetworkStatistics(e.getKey(), runs.get(0).x(), runs.size(), metrics));
        }
        return out;
    }

    /**
     * {@code read} (a summary's networks as written) with every metric of {@link #METRICS} each lacks
     * added, made from {@code rows} as {@link #networks} makes it: a summary written before a metric was
     * summarised over seeds gets the interval it would have printed.
     */
    static List<NetworkStatistics> completed(List<NetworkStatistics> read, List<SweepRow> rows) {
        if (read.stream().allMatch(n -> n.metrics().keySet().containsAll(METRICS))) {
            return List.copyOf(read);
        }
        Map<String, NetworkStatistics> made = new LinkedHashMap<>();
        networks(rows).forEach(n -> made.put(n.value(), n));
        List<NetworkStatistics> out = new ArrayList<>();
        for (NetworkStatistics n : read) {
            Map<String, SeedInterval> metrics = new LinkedHashMap<>();
            NetworkStatistics fromRows = made.get(n.value());
            for (String m : METRICS) {
                SeedInterval i = n.metrics().containsKey(m) ? n.metrics().get(m)
                        : fromRows == null ? null : fromRows.metrics().get(m);
                if (i != null) {
                    metrics.put(m, i);
                }
            }
            out.add(new NetworkStatistics(n.value(), n.x(), n.seeds(), metrics));
        }
        return out;
    }

    /** One test per metric that at least one seed has for every network; none when the sweep has one network. */
    public static List<SeedTrend> trends(List<SweepRow> rows) {
        List<SeedTrend> out = new ArrayList<>();
        Map<String, List<SweepRow>> networks = byValue(rows);
        if (networks.size() < 2) {
            return out;
        }
        List<String> values = new ArrayList<>(networks.keySet());
        double[] x = values.stream().mapToDouble(v -> networks.get(v).get(0).x()).toArray();
        Map<Long, List<SweepRow>> seeds = bySeed(rows);
        for (String m : METRICS) {
            ToDoubleFunction<SweepRow> f = Trend.metric(m);
            List<double[]> table = new ArrayList<>();
            for (List<SweepRow> seedRows : seeds.values()) {
                double[] y = new double[values.size()];
                boolean whole = true;
                for (int i = 0; i < values.size(); i++) {
                    String v = values.get(i);
                    SweepRow r = seedRows.stream().filter(s -> s.value().equals(v)).findFirst().orElse(null);
                    y[i] = r == null ? Double.NaN : f.applyAsDouble(r);
                    whole &= Double.isFinite(y[i]);
                }
                if (whole) {
                    table.add(y);
                }
            }
            if (table.isEmpty()) {
                continue;
            }
            double[][] xs = new double[table.size()][];
            java.util.Arrays.fill(xs, x);
            double[][] ys = table.toArray(new double[0][]);
            PermutationTest t = PermutationTest.of(xs, ys, PermutationTest.DEFAULT_DRAWS, PERMUTATION_SEED);
            out.add(new SeedTrend(m, t.statistic(), t.pValue(), t.exact(), orderKept(ys), ys.length));
        }
        return out;
    }

    /** Over seed pairs (s, t) and network pairs (i, j): the share where sign(y_s[i] − y_s[j]) = sign(y_t[i] − y_t[j]). */
    static double orderKept(double[][] y) {
        long kept = 0;
        long all = 0;
        for (int s = 0; s < y.length; s++) {
            for (int t = s + 1; t < y.length; t++) {
                for (int i = 0; i < y[s].length; i++) {
                    for (int j = i + 1; j < y[s].length; j++) {
                        all++;
                        if (Math.signum(y[s][i] - y[s][j]) == Math.signum(y[t][i] - y[t][j])) {
                            kept++;
                        }
                    }
                }
            }
        }
        return all == 0 ? Double.NaN : (double) kept / all;
    }

    public static List<RankCorrelation> correlations(List<SweepRow> rows) {
        List<RankCorrelation> out = new ArrayList<>();
        for (List<String> pair : CORRELATIONS) {
            ToDoubleFunction<SweepRow> fx = Trend.metric(pair.get(0));
            ToDoubleFunction<SweepRow> fy = Trend.metric(pair.get(1));
            List<SweepRow> usable = rows.stream()
                    .filter(r -> Double.isFinite(fx.applyAsDouble(r)) && Double.isFinite(fy.applyAsDouble(r))).toList();
            if (usable.size() < 3) {
                continue;
            }
            double[] x = usable.stream().mapToDouble(fx).toArray();
            double[] y = usable.stream().mapToDouble(fy).toArray();
            PermutationTest t = PermutationTest.of(new double[][] {x}, new double[][] {y}, PermutationTest.DEFAULT_DRAWS,
                    PERMUTATION_SEED);
            out.add(new RankCorrelation(pair.get(0), pair.get(1), usable.size(), t.statistic(), t.pValue(), t.exact()));
        }
        return out;
    }

    private static Map<String, List<SweepRow>> byValue(List<SweepRow> rows) {
        Map<String, List<SweepRow>> out = new LinkedHashMap<>();
        for (SweepRow r : rows) {
            out.computeIfAbsent(r.value(), k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    private static Map<Long, List<SweepRow>> bySeed(List<SweepRow> rows) {
        Map<Long, List<SweepRow>> out = new LinkedHashMap<>();
        for (SweepRow r : rows) {
            out.computeIfAbsent(r.seed(), k -> new ArrayList<>()).add(r);
        }
        return out;
    }
}
