package org.hessianscope.ui.charts;

import java.util.ArrayList;
import java.util.List;
import org.hessianscope.experiment.NetworkStatistics;
import org.hessianscope.figure.BoundLevels;
import org.hessianscope.figure.FigureStyle;
import org.hessianscope.figure.SeedBoundFigure;
import org.hessianscope.ui.runs.RunItem;
import org.hessianscope.ui.runs.RunLabels;
import org.hessianscope.ui.runs.SeedGroups;
import org.hessianscope.ui.runs.SweepTag;
import org.jfree.chart.JFreeChart;

/**
 * Chart 3 for runs that are seeds of the same networks, drawn by {@link SeedBoundFigure} as a
 * seeded sweep's {@code bounds} figure is: per network the mean of each level over its seeds with
 * the 95 % interval, each seed faint. For runs loaded from a finished sweep the means and intervals
 * are its summary's (carried by their {@link SweepTag}); for other seeds they are made from the
 * runs as the summary makes them.
 */
final class SeedBoundsChart {
    private SeedBoundsChart() {
    }

    /** The chart, and the x of each network in {@code groups}' order (to mark the selected run's). */
    record Drawn(JFreeChart chart, List<Double> xs) {
    }

    static Drawn chart(SeedGroups groups, FigureStyle style) {
        RunLabels axis = groups.axis();
        List<NetworkStatistics> networks = new ArrayList<>();
        List<BoundLevels> seeds = new ArrayList<>();
        List<Double> xs = new ArrayList<>();
        for (int i = 0; i < groups.networks().size(); i++) {
            SeedGroups.Network net = groups.networks().get(i);
            NetworkStatistics summary = summarised(net);
            double x = summary != null ? summary.x() : axis.x(net.runs().get(0), i);
            List<BoundLevels> levels = net.runs().stream()
                    .map(r -> BoundLevels.of(x, r.analysisProperty().get().bounds())).toList();
            networks.add(summary != null ? summary : SeedBoundFigure.network(net.label(), x, levels));
            seeds.addAll(levels);
            xs.add(x);
        }
        String xTitle = axis.joined() ? axis.xTitle() : "network number";
        return new Drawn(SeedBoundFigure.chart(networks, seeds, xTitle, axis.joined(), style), xs);
    }

    /**
     * The summary's statistics of {@code net} when every one of its runs carries the same ones and all
     * its seeds are checked; else null (a subset of seeds is not what the summary describes).
     */
    private static NetworkStatistics summarised(SeedGroups.Network net) {
        SweepTag first = net.runs().get(0).tag();
        NetworkStatistics n = first == null ? null : first.network();
        if (n == null || n.seeds() != net.runs().size()) {
            return null;
        }
        for (RunItem r : net.runs()) {
            if (r.tag() == null || r.tag().network() != n) {
                return null;
            }
        }
        return n;
    }
}
