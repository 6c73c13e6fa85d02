package org.hessianscope.ui.experiment;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hessianscope.analysis.AnalysisOptions;
import org.hessianscope.arch.SpecCost;
import org.hessianscope.experiment.StoredPoints;
import org.hessianscope.experiment.SweepFile;
import org.hessianscope.experiment.SweepPoint;
import org.hessianscope.ui.common.Durations;

/**
 * The line under Run saying what it would do before it starts: how many networks it trains,
 * how many stored ones it re-analyses, and roughly how long each part takes, from the networks'
 * multiply-adds ({@link SpecCost}) at the rate the builder's estimate assumes.
 */
final class RunEstimate {
    private RunEstimate() {
    }

    static String describe(SweepFile s, List<Optional<StoredPoints.Match>> stored, int cores, int reuse, int reanalyse) {
        int n = s.points().size();
        long records = s.trainSize() == SweepFile.ALL ? StoredPoints.fullTrainSize(s.dataset()) : s.trainSize();
        double train = 0;
        double analyse = 0;
        int toTrain = 0;
        for (SweepPoint p : s.points()) {
            Optional<StoredPoints.Match> m = p.index() < stored.size() ? stored.get(p.index()) : Optional.empty();
            SpecCost cost = SpecCost.of(p.spec());
            if (m.isEmpty()) {
                toTrain++;
                train += cost.trainingSeconds(records, s.training().epochs(), cores);
            }
            if (m.isEmpty() || !m.get().sameAnalysis()) {
                analyse += analysisSeconds(cost, records, s.analysis(), cores);
            }
        }
        String size = String.format(Locale.ROOT, "%s records, %d epoch%s", records, s.training().epochs(),
                s.training().epochs() == 1 ? "" : "s");
        if (toTrain == 0 && reanalyse == 0) {
            return "Run: all " + n + " points are stored with these analysis settings; it only writes the results";
        }
        StringBuilder b = new StringBuilder("Run: ");
        if (toTrain > 0) {
            b.append("trains ").append(toTrain).append(" of ").append(n).append(" networks (").append(size)
                    .append(", ≈ ").append(Durations.format(train)).append(")");
        } else {
            b.append("trains none of the ").append(n).append(" networks");
        }
        if (reuse + reanalyse > 0) {
            b.append(", ").append(reanalyse > 0 ? "re-analyses " + reanalyse + " stored" : "")
                    .append(reanalyse > 0 && reuse > 0 ? " and " : "").append(reuse > 0 ? "reuses " + reuse + " stored" : "");
        }
        b.append("; analysis ≈ ").append(Durations.format(analyse)).append(" on ").append(cores)
                .append(cores == 1 ? " core" : " cores").append(" (rough, from the networks' size)");
        return b.toString();
    }

    /**
     * One forward pass over the training set for the per-sample losses (a third of a training
     * epoch), then Lanczos on H, H_O and H_F over the curvature subset, each step about one
     * training step per sample, and the per-sample Lanczos runs.
     */
    static double analysisSeconds(SpecCost cost, long records, AnalysisOptions a, int cores) {
        return cost.trainingSeconds(records, 1, cores) / 3
                + cost.trainingSeconds((long) a.curvatureSamples() * 3 * a.lanczosSteps(), 1, cores)
                + cost.trainingSeconds((long) a.perSampleFull() * 2 * a.lanczosSteps(), 1, cores);
    }
}
