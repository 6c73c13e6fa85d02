package org.hessianscope.ui.surface;

import javafx.beans.property.IntegerProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.hessianscope.surface.DeltaMonteCarlo;
import org.hessianscope.surface.DeltaOptions;

/**
 * The Landscape tab's Δ_{k+1}(σ) column: the σ list, draws and subspace fields with Compute Δ above the chart of
 * the selected run's stored result ({@link DeltaViewModel}); the tab's progress strip shows the job and its Cancel.
 */
final class DeltaPane extends VBox {

    DeltaPane(DeltaViewModel vm) {
        super(4);
        setId("landscape-delta");
        TextField sigma = new TextField();
        sigma.setId("delta-sigma");
        sigma.textProperty().bindBidirectional(vm.sigmaProperty());
        sigma.setPrefColumnCount(10);
        sigma.setTooltip(new Tooltip("The perturbation scales σ, comma-separated, in units of ‖θ̂‖/√P: σ = 0.1 moves "
                + "the weights by about a tenth of their norm (as analyze --delta-sigma)."));
        Spinner<Integer> draws = spinner("delta-draws", 2, DeltaOptions.MAX_DRAWS, 16, vm.drawsProperty(),
                "M, the random weight vectors w drawn around θ̂ for each σ; the standard error falls as 1/√M; 2 to "
                        + DeltaOptions.MAX_DRAWS + " (as analyze --delta-draws).");
        Spinner<Integer> subspace = spinner("delta-subspace", 0, DeltaOptions.MAX_SUBSPACE, 10, vm.subspaceProperty(),
                "The dimension d of the random filter-normalised subspace the draws lie in, or 0 for the full space "
                        + "(exact quadratic model up to " + DeltaMonteCarlo.EXACT_FULL_MAX + " parameters); 0 to "
                        + DeltaOptions.MAX_SUBSPACE + " (as analyze --delta-subspace).");
        Button compute = new Button("Compute Δ");
        compute.setId("delta-compute");
        compute.setMinWidth(Region.USE_PREF_SIZE);
        compute.disableProperty().bind(vm.job().runningProperty());
        compute.setOnAction(e -> vm.compute());
        compute.setTooltip(new Tooltip("Estimates Δ_{k+1}(σ) for the selected run in the background (progress and "
                + "Cancel above) and saves it in the run's analysis.json, as analyze --delta does."));
        // Each label stays with its field when the column is too narrow for one row.
        FlowPane fields = new FlowPane(8, 4, group(label("σ"), sigma), group(label("draws"), draws),
                group(label("subspace"), subspace), compute);
        fields.setAlignment(Pos.CENTER_LEFT);

        Node viewer = LandscapeView.chart("delta-chart", vm.chartProperty());
        ((Region) viewer).setPrefSize(200, 400); // the column sets the width
        Label hint = new Label();
        hint.setId("delta-hint");
        hint.setWrapText(true);
        hint.textProperty().bind(vm.hintProperty());
        hint.visibleProperty().bind(hint.textProperty().isNotEmpty());
        hint.setStyle("-fx-background-color: rgba(255,255,255,0.92); -fx-padding: 10; -fx-border-color: #bbb;");
        StackPane chart = new StackPane(viewer, hint);
        StackPane.setAlignment(hint, Pos.CENTER);
        StackPane.setMargin(hint, new Insets(8));
        VBox.setVgrow(chart, Priority.ALWAYS);
        Label caption = new Label("Solid: the Monte Carlo mean over w ∼ N(θ̂, σ²I) ± s.e.; dashed: the quadratic "
                + "model of θ̂ (docs/delta.md).");
        caption.setMinHeight(Region.USE_PREF_SIZE);
        // A small preferred width, so the column's width (not the one-line text's) sets where it wraps.
        caption.setPrefWidth(200);
        caption.setMaxWidth(Double.MAX_VALUE);
        caption.setWrapText(true);
        caption.setStyle("-fx-font-size: 11px;");
        getChildren().setAll(fields, chart, caption);
        setMinSize(0, 0);
        setPrefWidth(200);
    }

    /** An editable whole-number field kept in step with {@code value} both ways. */
    private static Spinner<Integer> spinner(String id, int min, int max, int step, IntegerProperty value, String tip) {
        Spinner<Integer> spinner = new Spinner<>(min, max, value.get(), step);
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.setPrefWidth(86);
        spinner.valueProperty().addListener((o, a, b) -> value.set(b));
        value.addListener((o, a, b) -> spinner.getValueFactory().setValue(b.intValue()));
        spinner.setTooltip(new Tooltip(tip));
        return spinner;
    }

    private static HBox group(Node... nodes) {
        HBox box = new HBox(4, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }
}
