package org.hessianscope.ui.runs;

import org.hessianscope.experiment.NetworkStatistics;

/**
 * What a run is in a sweep: its swept value, which labels it in the charts instead of its
 * folder name, under the sweep's legend title (e.g. "3" under "L (number of layers)").
 *
 * @param sweep       the sweep's name; runs of different sweeps are not labelled by value together
 * @param legendTitle plain text, without the authors' mathtext dollars
 * @param x           where the run sits on chart 3's axis: the value, or its index for a pool type
 * @param network     its network's means and 95 % intervals over the seeds as the finished sweep's
 *                    summary prints them (chart 3 draws these), or null (one seed, or no summary yet)
 */
public record SweepTag(String sweep, String legendTitle, String value, double x, NetworkStatistics network) {
    /** A run of a sweep that no summary of seeds describes. */
    public SweepTag(String sweep, String legendTitle, String value, double x) {
        this(sweep, legendTitle, value, x, null);
    }
}
