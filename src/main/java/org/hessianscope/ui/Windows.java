package org.hessianscope.ui;

import java.io.File;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

/** Builds the whole window for a model: the one place the views are wired together. */
final class Windows {
    private Windows() {
    }

    /** The window and the parts tests reach into. */
    record Built(Parent root, ChartsView charts, ChartsViewModel chartsModel, ExportViewModel export) {
    }

    static Built build(AppModel model) {
        ChartsViewModel chartsModel = new ChartsViewModel(model.runs(), model.paperStyleProperty());
        ChartsView charts = new ChartsView(chartsModel, model.readout(), model.runs());
        ExportViewModel export = new ExportViewModel(model.messages());
        MenuBar menu = new MenuBar(fileMenu(model), exportMenu(chartsModel, export), viewMenu(model));
        Parent root = new MainWindow(model, charts, menu, new ExplainView(model.builder())).root();
        return new Built(root, charts, chartsModel, export);
    }

    private static Menu fileMenu(AppModel model) {
        MenuItem open = new MenuItem("Open run…");
        open.setOnAction(e -> {
            File dir = new DirectoryChooser().showDialog(null);
            if (dir != null) {
                model.runs().open(dir.toPath());
            }
        });
        MenuItem samples = new MenuItem("Open sample models");
        samples.setOnAction(e -> model.runs().openAll(model.options().sampleModels()));
        MenuItem quit = new MenuItem("Quit");
        quit.setOnAction(e -> Platform.exit());
        return new Menu("File", null, open, samples, quit);
    }

    private static Menu exportMenu(ChartsViewModel charts, ExportViewModel export) {
        Menu chart1 = new Menu("Loss difference (chart 1)");
        String[][] choices = {{"PNG 1×", "png", "1"}, {"PNG 2×", "png", "2"}, {"PNG 3×", "png", "3"},
                {"SVG", "svg", "1"}, {"PDF", "pdf", "1"}, {"CSV data", "csv", "1"}};
        for (String[] c : choices) {
            MenuItem item = new MenuItem(c[0]);
            item.setOnAction(e -> {
                FileChooser chooser = new FileChooser();
                chooser.setInitialFileName("lossdifference." + c[1]);
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(c[0], "*." + c[1]));
                File f = chooser.showSaveDialog(null);
                if (f != null) {
                    export.export(charts.lossDifferenceProperty(), f.toPath(), Integer.parseInt(c[2]));
                }
            });
            chart1.getItems().add(item);
        }
        return new Menu("Export", null, chart1);
    }

    private static Menu viewMenu(AppModel model) {
        CheckMenuItem paper = new CheckMenuItem("Paper style (the authors' figure conventions)");
        paper.selectedProperty().bindBidirectional(model.paperStyleProperty());
        return new Menu("View", null, paper);
    }
}
