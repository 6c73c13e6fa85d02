package org.hessianscope.ui.charts;

import java.util.ArrayList;
import java.util.List;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.MenuItem;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;

/**
 * Reset zoom for every chart in a window, whoever made it: before a chart is first zoomed (mouse
 * press or wheel on its viewer) the ranges its figure chose are remembered, and a reset puts them
 * back, so a fixed range stays fixed and an automatic one is automatic again. Each viewer's
 * right-click menu gets a "Reset zoom" item too. A session's zoom ({@link #zoom}) is put on each
 * chart a viewer shows until the user zooms that viewer himself.
 */
public final class ZoomReset {
    /** A chart's axes as its figure left them: auto, or the fixed range. */
    private record AxisState(ValueAxis axis, boolean auto, Range range) {
        /** Zoomed or panned away from the figure's ranges. */
        boolean moved() {
            return axis.isAutoRange() != auto || !axis.getRange().equals(range);
        }

        void restore() {
            if (auto) {
                axis.setAutoRange(true);
            } else {
                axis.setRange(range);
            }
        }
    }

    /** The chart a viewer showed when first zoomed and its axes then; kept in the viewer's properties. */
    private record Remembered(JFreeChart chart, List<AxisState> axes) {
    }

    /** Key in {@link Node#getProperties()}: per viewer and by identity, as JFreeChart's hashCode follows its axes. */
    private static final Object KEY = Remembered.class;
    /** Key of the session's zoom still to be put on every chart the viewer shows. */
    private static final Object PENDING = ChartZoom.class;
    /** Chart viewers are named "chart-spectrum-viewer" and so on; a session names the chart. */
    private static final String VIEWER = "-viewer";
    private final Parent root;

    private ZoomReset(Parent root) {
        this.root = root;
    }

    /** Watches {@code root} for zooms on any chart inside it, present or added later. */
    public static ZoomReset install(Parent root) {
        ZoomReset z = new ZoomReset(root);
        root.addEventFilter(MouseEvent.MOUSE_PRESSED, z::beforeZoom);
        root.addEventFilter(ScrollEvent.SCROLL, z::beforeZoom);
        return z;
    }

    /** Resets every chart of the window. */
    public void resetAll() {
        viewers(root, new ArrayList<>()).forEach(ZoomReset::reset);
    }

    /**
     * The charts the user zoomed (or a session zoomed and he left so), by chart id ("chart-spectrum"):
     * the ranges of their axes now; charts at their figure's ranges are left out.
     */
    public java.util.Map<String, ChartZoom> zoomed() {
        java.util.Map<String, ChartZoom> out = new java.util.TreeMap<>();
        for (ChartViewer v : viewers(root, new ArrayList<>())) {
            Remembered r = (Remembered) v.getProperties().get(KEY);
            String id = v.getId();
            if (id == null || !id.endsWith(VIEWER) || r == null || r.chart() != v.getChart()
                    || r.axes().stream().noneMatch(AxisState::moved)) {
                continue;
            }
            List<ChartZoom.AxisRange> axes = r.axes().stream()
                    .map(a -> new ChartZoom.AxisRange(a.axis().getLowerBound(), a.axis().getUpperBound())).toList();
            out.put(id.substring(0, id.length() - VIEWER.length()), new ChartZoom(axes));
        }
        return out;
    }

    /**
     * Zooms the charts named in {@code zoom} (by chart id) now and each new chart they show until the
     * user zooms them; other charts go back to their own ranges. Returns the names no chart has.
     */
    public List<String> zoom(java.util.Map<String, ChartZoom> zoom) {
        List<ChartViewer> all = viewers(root, new ArrayList<>());
        for (ChartViewer v : all) {
            String id = v.getId();
            ChartZoom z = id == null || !id.endsWith(VIEWER) ? null
                    : zoom.get(id.substring(0, id.length() - VIEWER.length()));
            if (z == null) {
                v.getProperties().remove(PENDING);
                reset(v);
            } else {
                v.getProperties().put(PENDING, z);
                applyPending(v);
            }
        }
        return zoom.keySet().stream().filter(k -> all.stream().noneMatch(v -> (k + VIEWER).equals(v.getId())))
                .sorted().toList();
    }

    /** Puts a session's zoom on the chart {@code v} shows now, if one waits; a chart with other axes is left alone. */
    static void applyPending(ChartViewer v) {
        ChartZoom z = (ChartZoom) v.getProperties().get(PENDING);
        if (z == null || v.getChart() == null) {
            return;
        }
        remember(v);
        Remembered r = (Remembered) v.getProperties().get(KEY);
        if (r.axes().size() != z.axes().size()) {
            return;
        }
        for (int i = 0; i < z.axes().size(); i++) {
            ChartZoom.AxisRange range = z.axes().get(i);
            if (range.valid()) {
                r.axes().get(i).axis().setRange(range.lower(), range.upper());
            }
        }
    }

    private void beforeZoom(Event e) {
        for (Object n = e.getTarget(); n instanceof Node node; n = node.getParent()) {
            if (node instanceof ChartViewer v) {
                // The user zooms this chart now: the session's zoom no longer follows its new charts.
                v.getProperties().remove(PENDING);
                remember(v);
                return;
            }
        }
    }

    private static void remember(ChartViewer v) {
        JFreeChart chart = v.getChart();
        Remembered r = (Remembered) v.getProperties().get(KEY);
        if (chart != null && (r == null || r.chart() != chart)) {
            List<AxisState> axes = new ArrayList<>();
            for (XYPlot p : xyPlots(chart.getPlot())) {
                for (int i = 0; i < p.getDomainAxisCount(); i++) {
                    add(axes, p.getDomainAxis(i));
                }
                for (int i = 0; i < p.getRangeAxisCount(); i++) {
                    add(axes, p.getRangeAxis(i));
                }
            }
            v.getProperties().put(KEY, new Remembered(chart, axes));
        }
        if (v.getContextMenu() != null && v.getContextMenu().getItems().stream()
                .noneMatch(i -> "reset-zoom".equals(i.getId()))) {
            MenuItem item = new MenuItem("Reset zoom");
            item.setId("reset-zoom");
            item.setOnAction(e -> reset(v));
            v.getContextMenu().getItems().add(0, item);
        }
    }

    private static void reset(ChartViewer v) {
        Remembered r = (Remembered) v.getProperties().get(KEY);
        if (r != null && r.chart() == v.getChart()) {
            r.axes().forEach(AxisState::restore);
        }
    }

    private static void add(List<AxisState> axes, ValueAxis a) {
        if (a != null) {
            axes.add(new AxisState(a, a.isAutoRange(), a.getRange()));
        }
    }

    /** The plot itself, or the subplots of a combined plot (chart 4 stacks two). */
    private static List<XYPlot> xyPlots(Plot plot) {
        List<XYPlot> list = new ArrayList<>();
        if (plot instanceof org.jfree.chart.plot.CombinedDomainXYPlot c) {
            list.add(c);
            list.addAll(c.getSubplots());
        } else if (plot instanceof org.jfree.chart.plot.CombinedRangeXYPlot c) {
            list.add(c);
            list.addAll(c.getSubplots());
        } else if (plot instanceof XYPlot p) {
            list.add(p);
        }
        return list;
    }

    private static List<ChartViewer> viewers(Parent p, List<ChartViewer> out) {
        for (Node n : p.getChildrenUnmodifiable()) {
            if (n instanceof ChartViewer v) {
                out.add(v);
            } else if (n instanceof Parent q) {
                viewers(q, out);
            }
        }
        return out;
    }
}
