package org.hessianscope.ui.runs;

import org.hessianscope.ui.common.JobView;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.stage.DirectoryChooser;

/** The run list: colour, check box to compare, name; buttons to open run folders and the sample models. */
public final class RunsView extends VBox {
    public RunsView(RunsViewModel vm, Path sampleModels, Runnable openSampleModels) {
        super(6);
        setPadding(new Insets(8));
        ListView<RunItem> list = new ListView<>(vm.runs());
        list.setId("run-list");
        list.setCellFactory(v -> new RunCell(vm));
        // A label depends on every run (it names what differs), so all cells follow a change of the list.
        vm.runs().addListener((javafx.collections.ListChangeListener<RunItem>) c -> list.refresh());
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedProperty().set(b);
            }
        });
        vm.selectedProperty().addListener((o, a, b) -> list.getSelectionModel().select(b));
        VBox.setVgrow(list, Priority.ALWAYS);
        Button open = new Button("Open run…");
        open.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Open a run folder");
            File dir = chooser.showDialog(getScene().getWindow());
            if (dir != null) {
                vm.open(dir.toPath());
            }
        });
        Button samples = new Button("Open sample models");
        samples.setDisable(!Files.isDirectory(sampleModels));
        samples.setOnAction(e -> openSampleModels.run());
        Button analyze = new Button("Analyse again");
        analyze.disableProperty().bind(vm.selectedProperty().isNull());
        analyze.setOnAction(e -> vm.analyze(vm.selectedProperty().get()));
        Button remove = new Button("Remove");
        remove.setId("runs-remove");
        remove.disableProperty().bind(vm.selectedProperty().isNull());
        remove.setOnAction(e -> vm.remove(vm.selectedProperty().get()));
        // Rows that wrap instead of cutting a button to "Open r…" when the panel is narrow (1280×720).
        javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(6, 6, open, samples, analyze, remove);
        getChildren().addAll(new Label("Runs"), list, buttons,
                new Label("Analysis"), new JobView(vm.job(), "analysis"), analysisTimeLeft(vm));
    }

    /** The analysis' time left, like training's, in a line of its own that keeps its height when empty. */
    private static Label analysisTimeLeft(RunsViewModel vm) {
        Label left = new Label();
        left.setId("analysis-time-left");
        left.textProperty().bind(vm.job().timeLeftProperty());
        left.setMinHeight(18);
        left.setPrefHeight(18);
        return left;
    }

    private static final class RunCell extends ListCell<RunItem> {
        private final RunsViewModel vm;
        private final CheckBox shown = new CheckBox();
        private final Rectangle swatch = new Rectangle(12, 12);
        private final Label name = new Label();
        private final HBox box = new HBox(6, shown, swatch, name);
        private RunItem bound;

        RunCell(RunsViewModel vm) {
            this.vm = vm;
            // A long name wraps within the list's width instead of losing its settings to an ellipsis.
            name.setWrapText(true);
            listViewProperty().addListener((o, was, list) -> {
                if (list != null) {
                    name.maxWidthProperty().bind(list.widthProperty().subtract(CELL_INDENT));
                }
            });
        }

        /** Check box, swatch, gaps, cell padding and the list's scroll bar. */
        private static final double CELL_INDENT = 72;

        @Override
        protected void updateItem(RunItem item, boolean empty) {
            super.updateItem(item, empty);
            if (bound != null) {
                shown.selectedProperty().unbindBidirectional(bound.shownProperty());
                bound = null;
            }
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            bound = item;
            shown.selectedProperty().bindBidirectional(item.shownProperty());
            swatch.setFill(item.colour());
            name.setText(vm.label(item) + (item.readingProperty().get() ? "\n— reading its analysis…"
                    : item.analysisProperty().get() == null ? "\n— not analysed" : ""));
            setTooltip(new javafx.scene.control.Tooltip(item.name() + "\n" + item.folder()));
            setGraphic(box);
        }
    }
}
