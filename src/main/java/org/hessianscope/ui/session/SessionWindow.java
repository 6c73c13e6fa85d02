package org.hessianscope.ui.session;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Parent;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.text.Font;
import org.hessianscope.curvature.CurvatureOperator;
import org.hessianscope.figure.LossDifferenceNormalise;
import org.hessianscope.ui.charts.ChartZoom;
import org.hessianscope.ui.charts.ChartsViewModel;
import org.hessianscope.ui.charts.ZoomReset;

/**
 * The part of a session the window holds rather than the view models: the tab, chart 2's
 * operators, chart 1's view and seed means, the charts' zoom, presenter mode's scale and the
 * hidden controls. Presenter mode scales the root's font (so every label, field and button) and
 * the charts' fonts and lines by one number.
 */
public final class SessionWindow {
    /** The tabs' keys, in the window's order: the tab's title in lower case. */
    public static final List<String> TABS = List.of("charts", "landscape", "explain", "experiments");
    /** Presenter mode's largest scale: at 1280×720 larger fonts leave the charts no room. */
    public static final double MAX_SCALE = 2;
    /** The scales View → Presenter mode offers. */
    public static final List<Double> SCALES = List.of(1.0, 1.25, 1.5);

    /** A session's window part; see {@link Session} for each field. */
    public record State(String tab, List<String> spectrum, String normalise, Boolean seedMean,
                        Map<String, ChartZoom> zoom, double scale, List<String> hide) {
    }

    private final Parent root;
    private final TabPane tabs;
    private final List<Tab> allTabs;
    private final ChartsViewModel charts;
    private final ZoomReset zoom;
    private final HiddenControls hidden;
    private final DoubleProperty scale = new SimpleDoubleProperty(1);
    private final double baseFont = Font.getDefault().getSize();
    private List<String> hide = List.of();

    public SessionWindow(Parent root, TabPane tabs, ChartsViewModel charts, ZoomReset zoom) {
        this.root = root;
        this.tabs = tabs;
        this.allTabs = List.copyOf(tabs.getTabs());
        this.charts = charts;
        this.zoom = zoom;
        this.hidden = new HiddenControls(root);
        charts.scaleProperty().bind(scale);
        // Only a change of scale touches the root's style: at 1 the window keeps whatever style it has.
        scale.addListener(o -> scaleFont());
    }

    /** Presenter mode's scale: 1 is off; fonts of the window and fonts and lines of the charts follow it. */
    public DoubleProperty scaleProperty() {
        return scale;
    }

    private void scaleFont() {
        root.setStyle(scale.get() == 1 ? "" : String.format(Locale.ROOT, "-fx-font-size: %.1fpx;",
                baseFont * scale.get()));
    }

    public State capture() {
        Tab shown = tabs.getSelectionModel().getSelectedItem();
        List<String> ops = new ArrayList<>();
        for (CurvatureOperator op : CurvatureOperator.values()) {
            if (charts.operatorShownProperty(op).get()) {
                ops.add(op.key());
            }
        }
        LossDifferenceNormalise n = charts.normaliseProperty().get();
        return new State(shown == null ? null : key(shown), ops, n == null ? null : n.key(),
                charts.seedMeanProperty().get(), zoom.zoomed(), scale.get(), hide);
    }

    /**
     * Puts {@code s} on the window; a field it cannot use is reported to {@code problem} (as
     * "field: value …, valid …") and left at the window's value, the others are applied.
     */
    public void apply(State s, Consumer<String> problem) {
        List<String> ids = new ArrayList<>();
        for (String id : s.hide()) {
            if (HiddenControls.IDS.containsKey(id)) {
                ids.add(id);
            } else {
                problem.accept("hide: no control is called \"" + id + "\"; valid: "
                        + String.join(", ", HiddenControls.IDS.keySet()));
            }
        }
        hide = List.copyOf(ids);
        hidden.hide(ids);
        tabs.getTabs().setAll(allTabs.stream().filter(t -> !ids.contains(HiddenControls.TAB + key(t))).toList());
        if (s.tab() != null) {
            Tab t = allTabs.stream().filter(x -> key(x).equals(s.tab())).findFirst().orElse(null);
            if (t == null) {
                problem.accept("tab: \"" + s.tab() + "\" is no tab; valid: " + String.join(", ", TABS));
            } else if (tabs.getTabs().contains(t)) {
                tabs.getSelectionModel().select(t);
            }
        }
        if (s.spectrum() != null) {
            Set<CurvatureOperator> ops = EnumSet.noneOf(CurvatureOperator.class);
            for (String key : s.spectrum()) {
                CurvatureOperator op = operator(key);
                if (op == null) {
                    problem.accept("spectrum: \"" + key + "\" is no operator; valid: hessian, ggn, residual");
                } else {
                    ops.add(op);
                }
            }
            for (CurvatureOperator op : CurvatureOperator.values()) {
                charts.operatorShownProperty(op).set(ops.contains(op));
            }
        }
        if (s.normalise() != null) {
            try {
                charts.normaliseProperty().set(LossDifferenceNormalise.of(s.normalise()));
            } catch (IllegalArgumentException e) {
                problem.accept("normalise: \"" + s.normalise() + "\" is no view of chart 1; valid: none, k, rms");
            }
        }
        charts.seedMeanProperty().set(s.seedMean() == null || s.seedMean());
        double sc = s.scale() == 0 ? 1 : s.scale();
        if (sc >= 1 && sc <= MAX_SCALE) {
            scale.set(sc);
        } else {
            problem.accept("scale: " + s.scale() + " is outside 1 to " + MAX_SCALE + " (e.g. 1, 1.25, 1.5)");
        }
        Map<String, ChartZoom> ranges = new java.util.HashMap<>();
        s.zoom().forEach((chart, z) -> {
            if (z.axes().stream().allMatch(ChartZoom.AxisRange::valid)) {
                ranges.put(chart, z);
            } else {
                problem.accept("zoom." + chart + ": every axis needs a finite lower below its upper");
            }
        });
        for (String unknown : zoom.zoom(ranges)) {
            problem.accept("zoom: \"" + unknown + "\" is no chart; valid: chart-lossdifference, chart-spectrum, "
                    + "chart-bounds, chart-persample");
        }
    }

    /** Shows every control a session hid (View → Show every control); a later save hides nothing. */
    public void showAll() {
        hide = List.of();
        hidden.hide(hide);
        tabs.getTabs().setAll(allTabs);
    }

    private static CurvatureOperator operator(String key) {
        for (CurvatureOperator op : CurvatureOperator.values()) {
            if (op.key().equals(key)) {
                return op;
            }
        }
        return null;
    }

    private static String key(Tab t) {
        return t.getText().toLowerCase(Locale.ROOT);
    }
}
