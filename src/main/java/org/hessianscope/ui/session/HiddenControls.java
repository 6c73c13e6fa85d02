package org.hessianscope.ui.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.GridPane;

/**
 * The controls a session can hide (TensorFlow Playground's {@code *_hide}): a teacher hands out a
 * window with only what the lesson needs. An id names a control as the session's own fields do
 * ("train.seed" for {@code seed}); docs/gui.md lists them and HiddenControlsWindowTest checks each
 * hides something. A control in a row of the builder's grid is hidden with its label and value.
 * Tabs ("tab.…") are hidden by {@link SessionWindow}, which owns the tab pane.
 */
public final class HiddenControls {
    /** Prefix of the ids that hide a tab. */
    public static final String TAB = "tab.";

    /** Id → the CSS selector of the node it hides; the tab ids map to the tab's key in {@link SessionWindow#TABS}. */
    public static final Map<String, String> IDS;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("builder.layers", "#slider-layers");
        m.put("builder.kernel", "#slider-kernel");
        m.put("builder.channels", "#slider-channels");
        m.put("builder.pool", "#builder-pool");
        m.put("builder.poolSize", "#slider-pool-size");
        m.put("builder.poolAt", "#slider-pool-at");
        m.put("builder.hidden", "#field-hidden");
        m.put("builder.reluLast", "#relu-last");
        m.put("builder.dataset", "#builder-dataset");
        m.put("builder.shapes", "#shape-table");
        m.put("train.trainSize", "#field-train-size");
        m.put("train.epochs", "#field-epochs");
        m.put("train.seed", "#field-seed");
        m.put("train.panel", "#train-panel");
        m.put("runs.remove", "#runs-remove");
        m.put("chart.normalise", "#lossdifference-normalise-row");
        m.put("chart.operators", "#spectrum-operators");
        for (String tab : SessionWindow.TABS) {
            m.put(TAB + tab, tab);
        }
        IDS = java.util.Collections.unmodifiableMap(m);
    }

    private final Parent root;
    private final List<Node> hiddenNow = new ArrayList<>();

    HiddenControls(Parent root) {
        this.root = root;
    }

    /** Shows what an earlier call hid, then hides the controls of the ids given that are not tabs. */
    void hide(List<String> ids) {
        hiddenNow.forEach(n -> {
            n.setVisible(true);
            n.setManaged(true);
        });
        hiddenNow.clear();
        for (String id : ids) {
            String selector = IDS.get(id);
            if (selector == null || id.startsWith(TAB)) {
                continue;
            }
            Node n = root.lookup(selector);
            if (n != null) {
                for (Node each : row(n)) {
                    each.setVisible(false);
                    each.setManaged(false);
                    hiddenNow.add(each);
                }
            }
        }
    }

    /** The node, or in a grid every node of its row (the label before a field, the value after a slider). */
    private static List<Node> row(Node n) {
        if (n.getParent() instanceof GridPane grid) {
            Integer at = GridPane.getRowIndex(n);
            int r = at == null ? 0 : at;
            return grid.getChildren().stream().filter(c -> {
                Integer i = GridPane.getRowIndex(c);
                return (i == null ? 0 : i) == r;
            }).toList();
        }
        return List.of(n);
    }
}
