package org.hessianscope.ui.surface;

import javafx.beans.value.ObservableObjectValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.hessianscope.ui.common.JobView;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * The Landscape tab: the selected run's loss map with the quadratic model's contours, the rotatable
 * 3D surface in the same colours, the 1D slice through θ̂ and the σ² map, under a bar with the
 * directions, the range, Compute, the log scale and the k slider, and the job's progress strip; beside them the
 * Δ_{k+1}(σ) column ({@link DeltaPane}), or, in a narrow window, in its place under a switch ({@link ColumnOrSwitch}).
 */
public final class LandscapeView extends BorderPane {

    public LandscapeView(LandscapeViewModel vm) {
        ComboBox<String> directions = new ComboBox<>();
        directions.getItems().setAll(LandscapeViewModel.directionKeys());
        directions.valueProperty().bindBidirectional(vm.directionsProperty());
        directions.setId("landscape-directions");
        Spinner<Double> range = new Spinner<>(0.05, 20.0, vm.rangeProperty().get(), 0.25);
        range.setEditable(true);
        range.setPrefWidth(80);
        range.valueProperty().addListener((o, a, b) -> vm.rangeProperty().set(b));
        Button compute = new Button("Compute");
        compute.setId("landscape-compute");
        compute.disableProperty().bind(vm.job().runningProperty());
        compute.setOnAction(e -> vm.compute());
        CheckBox log = new CheckBox("log colour scale");
        log.selectedProperty().bindBidirectional(vm.logScaleProperty());
        Slider k = new Slider(0, 0, 0);
        k.setId("landscape-k");
        k.setMajorTickUnit(1);
        k.setMinorTickCount(0);
        k.setSnapToTicks(true);
        k.setShowTickMarks(true);
        k.setPrefWidth(160);
        k.disableProperty().bind(vm.kCountProperty().lessThan(2));
        vm.kCountProperty().addListener((o, a, b) -> k.setMax(Math.max(0, b.intValue() - 1)));
        k.setMax(Math.max(0, vm.kCountProperty().get() - 1));
        k.setValue(vm.kIndexProperty().get());
        k.valueProperty().addListener((o, a, b) -> vm.kIndexProperty().set((int) Math.round(b.doubleValue())));
        vm.kIndexProperty().addListener((o, a, b) -> k.setValue(b.intValue()));
        Label kLabel = new Label();
        kLabel.setId("landscape-k-label");
        kLabel.textProperty().bind(vm.kLabelProperty());
        kLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(8, fixed(new Label("directions")), directions, fixed(new Label("range ±")), range,
                fixed(compute), fixed(log));
        bar.setAlignment(Pos.CENTER_LEFT);
        Label kName = fixed(new Label("k of Lₖ (redraws, no recompute)"));
        HBox.setHgrow(k, Priority.ALWAYS);
        k.setMaxWidth(320);
        HBox kBar = new HBox(8, kName, k, kLabel);
        kBar.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(4, bar, kBar, new JobView(vm.job(), "landscape"));
        top.setPadding(new Insets(4, 4, 6, 4));
        setTop(top);

        Surface3DView surface = new Surface3DView();
        surface.setId("landscape-3d");
        vm.surfaceProperty().addListener((o, a, s) -> surface.show(s == null ? null : s.z(), s == null ? null : s.scale()));
        Label surfaceCaption = new Label("3D: height and colour are Lₖ on the map's colour bar; "
                + "drag to rotate, scroll to zoom. The trained weights are at the centre of the frame.");
        surfaceCaption.setId("landscape-3d-caption");
        surfaceCaption.setWrapText(true);
        surfaceCaption.setStyle("-fx-font-size: 11px;");
        BorderPane surfacePane = new BorderPane(surface, null, null, surfaceCaption, null);
        surfacePane.setMinSize(0, 0);
        surface.visibleProperty().bind(vm.surfaceProperty().isNotNull());
        // The caption explains a surface: with none it stood alone, half under the hint, in an empty tab.
        surfaceCaption.visibleProperty().bind(surface.visibleProperty());

        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(6);
        grid.add(chart("landscape-loss-map", vm.lossMapProperty()), 0, 0);
        grid.add(surfacePane, 1, 0);
        grid.add(chart("landscape-slice", vm.sliceProperty()), 0, 1);
        grid.add(chart("landscape-variance-map", vm.varianceMapProperty()), 1, 1);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            c.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(c);
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(50);
            r.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(r);
        }
        Label hint = new Label();
        hint.setId("landscape-hint");
        hint.setWrapText(true);
        hint.setMaxWidth(520);
        hint.textProperty().bind(vm.hintProperty());
        hint.visibleProperty().bind(hint.textProperty().isNotEmpty());
        hint.setStyle("-fx-background-color: rgba(255,255,255,0.92); -fx-padding: 10; -fx-border-color: #bbb;");
        StackPane slices = new StackPane(grid, hint);
        slices.setId("landscape-slices");
        StackPane.setAlignment(hint, Pos.CENTER);
        slices.setMinSize(0, 0);
        // Δ_{k+1}(σ) in a column of its own: its own result, read from the run's analysis rather than the slice.
        DeltaPane delta = new DeltaPane(vm.delta());
        delta.setId("landscape-delta");
        // Side by side when the tab has room (60/40); at 1280×720 the slices and Δ take turns under a switch.
        ColumnOrSwitch centre = new ColumnOrSwitch(slices, "Slices", delta,
                org.hessianscope.figure.Subscripts.render("Δ_{k+1}(σ)"), 60, "landscape-view");
        setCenter(centre);
    }

    /** A control that keeps its whole label however narrow the window. */
    private static <T extends Region> T fixed(T control) {
        control.setMinWidth(Region.USE_PREF_SIZE);
        return control;
    }

    /** A chart viewer showing the published chart, hidden while there is none. */
    static Node chart(String id, ObservableObjectValue<JFreeChart> chart) {
        ChartViewer viewer = new ChartViewer();
        viewer.setId(id);
        viewer.setPrefSize(420, 280);
        viewer.setMinSize(0, 0);
        Runnable show = () -> {
            viewer.setVisible(chart.get() != null);
            if (chart.get() != null) {
                viewer.setChart(chart.get());
            }
        };
        chart.addListener((o, a, b) -> show.run());
        show.run();
        return viewer;
    }
}
