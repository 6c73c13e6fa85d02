package org.hessianscope.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * How a summary metric moves along a sweep: Spearman's rank correlation with the swept value
 * and whether it is monotone. This is what "grows with L" means when a finding is judged.
 *
 * @param direction "increasing" or "decreasing" when strictly monotone over the sorted values, else "mixed"
 */
public record Trend(String metric, double spearman, String direction) {

    public static final List<String> METRICS = List.of("lossDifferenceTail", "exactTail", "lossStd", "lossMean",
            "hessianTop", "maxGgnNorm", "maxResidualRatio", "paperBoundLog10");

    public static List<Trend> of(List<SweepRow> rows) {
        List<Trend> out = new ArrayList<>();
        if (rows.size() < 2) {
            return out;
        }
        List<SweepRow> sorted = rows.stream().sorted(java.util.Comparator.comparingDouble(SweepRow::x)).toList();
        for (String m : METRICS) {
            ToDoubleFunction<SweepRow> f = metric(m);
            double[] x = sorted.stream().mapToDouble(SweepRow::x).toArray();
            double[] y = sorted.stream().mapToDouble(f).toArray();
            if (java.util.Arrays.stream(y).anyMatch(v -> !Double.isFinite(v))) {
                continue;
            }
            out.add(new Trend(m, spearman(x, y), direction(y)));
        }
        return out;
    }

    static ToDoubleFunction<SweepRow> metric(String name) {
        return switch (name) {
            case "lossDifferenceTail" -> SweepRow::lossDifferenceTail;
            case "exactTail" -> SweepRow::exactTail;
            case "lossStd" -> SweepRow::lossStd;
            case "lossMean" -> SweepRow::lossMean;
            case "hessianTop" -> SweepRow::hessianTop;
            case "maxGgnNorm" -> SweepRow::maxGgnNorm;
            case "maxResidualRatio" -> SweepRow::maxResidualRatio;
            case "paperBoundLog10" -> SweepRow::paperBoundLog10;
            case "lemma2BoundLog10" -> SweepRow::lemma2BoundLog10;
            case "measuredLog10" -> SweepRow::measuredLog10;
            case "trainLoss" -> SweepRow::trainLoss;
            case "testAccuracy" -> SweepRow::testAccuracy;
            case "hessianBottom" -> SweepRow::hessianBottom;
            case "ggnTop" -> SweepRow::ggnTop;
            case "residualOverGgn" -> SweepRow::residualOverGgn;
            case "medianResidualRatio" -> SweepRow::medianResidualRatio;
            default -> throw new IllegalArgumentException("unknown metric " + name + "; known: " + METRICS + ", "
                    + SeedStatistics.METRICS);
        };
    }

    static String direction(double[] y) {
        boolean up = true;
        boolean down = true;
        for (int i = 1; i < y.length; i++) {
            up &= y[i] > y[i - 1];
            down &= y[i] < y[i - 1];
        }
        return up ? "increasing" : down ? "decreasing" : "mixed";
    }

    /** Spearman's ρ with average ranks for ties; NaN when either side is constant. */
    static double spearman(double[] x, double[] y) {
        double[] rx = ranks(x);
        double[] ry = ranks(y);
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += rx[i];
            my += ry[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (rx[i] - mx) * (ry[i] - my);
            sxx += (rx[i] - mx) * (rx[i] - mx);
            syy += (ry[i] - my) * (ry[i] - my);
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }

    static double[] ranks(double[] v) {
        int n = v.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
        double[] r = new double[n];
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && v[order[j + 1]] == v[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int t = i; t <= j; t++) {
                r[order[t]] = rank;
            }
            i = j + 1;
        }
        return r;
    }
}
