package org.hessianscope.ui;

import org.hessianscope.ui.builder.BuilderView;
import org.hessianscope.ui.common.MessageBar;
import org.hessianscope.ui.experiment.ExperimentsView;
import org.hessianscope.ui.runs.RunsView;
import org.hessianscope.ui.train.TrainView;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/** Lays the views out: builder and training on the left, charts (or Explain, Experiments) in the middle, runs on the right. */
public final class MainWindow {
    private final BorderPane root = new BorderPane();
    private final TrainView train;
    private final TabPane tabs;
    private final BuilderView builder;

    MainWindow(AppModel model, javafx.scene.Node charts, javafx.scene.Node menu, javafx.scene.Node explain) {
        builder = new BuilderView(model.builder());
        train = new TrainView(model.train());
        ScrollPane left = new ScrollPane(new VBox(builder, train));
        left.setFitToWidth(true);
        left.setPrefWidth(380);
        RunsView runs = new RunsView(model.runs(), model.options().sampleModels(), model::openSampleModels);
        runs.setPrefWidth(300);
        Label readout = new Label();
        readout.setId("readout");
        readout.textProperty().bind(model.readout().textProperty());
        readout.setWrapText(true);
        // Fixed room for three lines: hovering chart 1 changes the text, never the charts' size.
        readout.setMinHeight(54);
        readout.setPrefHeight(54);
        readout.setMaxHeight(54);
        readout.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        Tab chartsTab = new Tab("Charts", new VBox(6, charts, readout));
        Tab experiments = new Tab("Experiments", new ExperimentsView(model.experiments()));
        experiments.setId("experiments-tab");
        Tab landscape = new Tab("Landscape", new org.hessianscope.ui.surface.LandscapeView(model.landscape()));
        landscape.setId("landscape-tab");
        tabs = new TabPane(chartsTab, landscape, new Tab("Explain", explain), experiments);
        tabs.getTabs().forEach(t -> t.setClosable(false));
        model.experiments().setOnLoaded(() -> tabs.getSelectionModel().select(chartsTab));
        VBox.setVgrow(charts, javafx.scene.layout.Priority.ALWAYS);
        SplitPane split = new SplitPane(left, tabs, runs);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.26, 0.8);
        root.setTop(menu);
        // Messages float over the content instead of pushing it down, so a click never lands in the wrong field.
        MessageBar bar = new MessageBar(model.messages());
        javafx.scene.layout.StackPane centre = new javafx.scene.layout.StackPane(split, bar);
        javafx.scene.layout.StackPane.setAlignment(bar, javafx.geometry.Pos.TOP_CENTER);
        root.setCenter(centre);
    }

    Parent root() {
        return root;
    }

    BuilderView builder() {
        return builder;
    }

    TabPane tabs() {
        return tabs;
    }
}
