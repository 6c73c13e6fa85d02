package org.hessianscope.ui;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import org.jfree.chart.JFreeChart;

/**
 * The four linked charts in a 2×2 grid. Chart 1 drives the readout (hovered k) and the
 * selection (clicked curve); charts 2–4 wait for the curvature results they draw.
 */
final class ChartsView extends GridPane {
    private final ChartPane lossDifference;

    ChartsView(ChartsViewModel vm, ReadoutViewModel readout, RunsViewModel runs) {
        setHgap(6);
        setVgap(6);
        lossDifference = new ChartPane("chart-lossdifference", vm.lossDifferenceProperty(), vm.lossDifferenceHintProperty());
        lossDifference.setOnHoverX(k -> readout.hoveredKProperty().set((int) Math.max(1, Math.round(k))));
        lossDifference.setOnSeriesClicked(key -> {
            RunItem r = vm.runOf(key);
            if (r != null) {
                runs.selectedProperty().set(r);
            }
        });
        add(lossDifference, 0, 0);
        add(waiting("chart-spectrum", "Chart 2, Hessian spectrum (top eigenvalues of H, H_O, H_F): needs the curvature "
                + "results, which RunAnalysis adds once the curvature package is on main."), 1, 0);
        add(waiting("chart-bounds", "Chart 3, bound versus measured max_i ‖H_O,i‖ across runs: needs the measured "
                + "per-sample ggn norms from the curvature package; the bound preview is in the builder."), 0, 1);
        add(waiting("chart-persample", "Chart 4, per-sample ‖H_O,i‖ and ‖H_F,i‖/‖H_O,i‖ against the loss: needs the "
                + "per-sample ggn norms from the curvature package."), 1, 1);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            c.setHgrow(Priority.ALWAYS);
            getColumnConstraints().add(c);
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(50);
            r.setVgrow(Priority.ALWAYS);
            getRowConstraints().add(r);
        }
    }

    private static ChartPane waiting(String id, String text) {
        return new ChartPane(id, new ReadOnlyObjectWrapper<JFreeChart>(null), new ReadOnlyStringWrapper(text));
    }

    ChartPane lossDifference() {
        return lossDifference;
    }
}
