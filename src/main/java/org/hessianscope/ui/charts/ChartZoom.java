package org.hessianscope.ui.charts;

import java.util.List;

/**
 * The ranges of a chart's axes as the user zoomed them, in {@link ZoomReset}'s order: per plot
 * (chart 4's combined plot first, then its two subplots) its domain axes, then its range axes.
 * A session file keeps one per zoomed chart.
 */
public record ChartZoom(List<AxisRange> axes) {
    public ChartZoom {
        axes = axes == null ? List.of() : List.copyOf(axes);
    }

    /** One axis from {@code lower} to {@code upper}, in data units (a log axis too). */
    public record AxisRange(double lower, double upper) {
        /** A range an axis can show: finite and lower below upper. */
        public boolean valid() {
            return Double.isFinite(lower) && Double.isFinite(upper) && lower < upper;
        }
    }
}
