package org.hessianscope.ui.charts;

import java.util.ArrayList;
import java.util.List;
import org.hessianscope.figure.FigureStyle;
import org.hessianscope.figure.LossDifferenceLayers;
import org.hessianscope.figure.SeedFigures;
import org.hessianscope.figure.SweepFigures;
import org.hessianscope.landscape.LossDifferenceResult;
import org.hessianscope.ui.runs.SeedGroups;
import org.jfree.chart.JFreeChart;

/**
 * Chart 1 for runs that are seeds of the same networks: per network the mean over its seeds of
 * the smoothed loss-difference curve (the authors' α = 0.995) with the seeds' range as a band,
 * drawn by {@link SeedFigures#networkCurves}, the code that draws a seeded sweep's {@code lossdiff}
 * figure, so the window and the results folder show the same numbers. Each network keeps the
 * colour of its first run. In the paper's style the curves start where the authors' do (k = N/6),
 * else at k = 1.
 */
final class SeedMeanChart {
    private SeedMeanChart() {
    }

    static JFreeChart chart(SeedGroups groups, boolean paper, FigureStyle style) {
        List<SeedFigures.SeedCurves> networks = new ArrayList<>();
        int n = Integer.MAX_VALUE;
        for (SeedGroups.Network net : groups.networks()) {
            List<LossDifferenceResult> seeds = net.runs().stream()
                    .map(r -> r.analysisProperty().get().lossDifference()).toList();
            n = Math.min(n, seeds.stream().mapToInt(LossDifferenceResult::n).min().orElseThrow());
            networks.add(new SeedFigures.SeedCurves(net.label(), net.runs().get(0).colourIndex(), seeds));
        }
        int kMin = paper ? SweepFigures.authorsKMin(n) : 1;
        return SeedFigures.networkCurves(networks, SeedFigures.CurveKind.SMOOTHED, LossDifferenceLayers.authors().alpha(),
                kMin, style);
    }
}
