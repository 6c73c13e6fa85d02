package org.hessianscope.ui.experiment;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.hessianscope.experiment.NetworkStatistics;

/**
 * Below the Experiments table, for a finished sweep with several seeds: one row per network with
 * each number's mean and 95 % interval over its seeds, and the trend tests and rank correlations
 * under it. Hidden for a sweep with one seed, where the rows above already say everything.
 */
final class SeedStatisticsTable extends VBox {
    SeedStatisticsTable(ExperimentsViewModel vm) {
        super(4);
        setId("experiments-seeds");
        TableView<NetworkStatistics> table = new TableView<>(vm.networks());
        table.setId("experiments-seeds-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Network", NetworkStatistics::value, 70));
        table.getColumns().add(column("Seeds", n -> String.valueOf(n.seeds()), 50));
        table.getColumns().add(metric("Loss diff. tail", "lossDifferenceTail"));
        table.getColumns().add(metric("σ of losses", "lossStd"));
        table.getColumns().add(metric("Train loss", "trainLoss"));
        table.getColumns().add(metric("Test accuracy", "testAccuracy"));
        table.setPrefHeight(170);
        Label tests = new Label();
        tests.setId("experiments-seeds-tests");
        tests.setWrapText(true);
        // Every line of the tests, never cut to "…": the table above gives up height instead.
        tests.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        tests.textProperty().bind(vm.seedTestsProperty());
        getChildren().addAll(new Label("Per network over its seeds: mean [95 % interval]"), table, tests);
        visibleProperty().bind(vm.seedTestsProperty().isNotEmpty());
        managedProperty().bind(visibleProperty());
    }

    private static TableColumn<NetworkStatistics, String> metric(String title, String metric) {
        return column(title, n -> SeedStatisticsText.interval(n.metric(metric)), 190);
    }

    private static TableColumn<NetworkStatistics, String> column(String title,
                                                                 java.util.function.Function<NetworkStatistics, String> f,
                                                                 double width) {
        TableColumn<NetworkStatistics, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(f.apply(cell.getValue())));
        return c;
    }
}
