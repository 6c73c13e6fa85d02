package org.hessianscope.ui.charts;

import org.hessianscope.ui.runs.RunItem;
import org.hessianscope.ui.runs.RunLabels;
import java.util.List;
import org.hessianscope.ui.runs.RunsViewModel;
import java.util.Locale;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import org.hessianscope.analysis.AnalysisResult;
import org.hessianscope.landscape.LossDifferenceResult;

/**
 * The linked readout of chart 1: the k under the mouse and, for every shown run with an
 * analysis, its mean |L_{k+1} − L_k|, the exact sqrt(E[ΔL²]) and the smoothed value there.
 */
public final class ReadoutViewModel {
    private final RunsViewModel runs;
    private final IntegerProperty hoveredK = new SimpleIntegerProperty(0);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("hover chart 1 to read every run at one k");

    public ReadoutViewModel(RunsViewModel runs) {
        this.runs = runs;
        hoveredK.addListener(o -> update());
        runs.runs().addListener((javafx.collections.ListChangeListener<RunItem>) c -> update());
    }

    /** k under the mouse in chart 1 (0: none); values off a run's 1..N−1 are clamped to it. */
    public IntegerProperty hoveredKProperty() {
        return hoveredK;
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    private void update() {
        int k = hoveredK.get();
        if (k < 1) {
            return;
        }
        StringBuilder s = new StringBuilder("k = ").append(k);
        List<RunItem> drawn = runs.runs().stream()
                .filter(r -> r.shownProperty().get() && r.analysisProperty().get() != null).toList();
        RunLabels labels = RunLabels.of(drawn);
        for (int i = 0; i < drawn.size(); i++) {
            RunItem r = drawn.get(i);
            AnalysisResult a = r.analysisProperty().get();
            LossDifferenceResult d = a.lossDifference();
            int kk = Math.max(1, Math.min(d.n() - 1, k));
            s.append(String.format(Locale.ROOT, "%n%s: mean |ΔL| %.3e, exact √E[ΔL²] %.3e, smoothed %.3e%s",
                    labels.named(i), d.meanAbs(kk), Math.sqrt(d.exactMeanSq(kk)), a.smoothed()[kk - 1],
                    kk == k ? "" : " (at k = " + kk + ")"));
        }
        text.set(s.toString());
    }
}
