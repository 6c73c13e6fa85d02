package org.hessianscope.ui;

import org.hessianscope.ui.charts.ChartsView;
import org.hessianscope.ui.charts.ChartsViewModel;
import org.hessianscope.ui.charts.ExportViewModel;
import org.hessianscope.ui.explain.ExplainView;
import org.hessianscope.ui.explain.ExplainViewModel;
import org.hessianscope.ui.surface.LandscapeViewModel;
import java.io.File;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

/** Builds the whole window for a model: the one place the views are wired together. */
public final class Windows {
    private Windows() {
    }

    /** One daemon thread for the Explain tab's layer norms (well under a second for the builder's networks). */
    private static final java.util.concurrent.Executor EXPLAIN_NORMS = java.util.concurrent.Executors
            .newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "hessianscope-explain-norms");
                t.setDaemon(true);
                return t;
            });

    /** The window and the parts tests reach into. */
    record Built(Parent root, ChartsView charts, ChartsViewModel chartsModel, ExportViewModel export,
                 org.hessianscope.ui.shortcuts.CommandMenus commands, TabPane tabs) {
    }

    static Built build(AppModel model) {
        ChartsViewModel chartsModel = new ChartsViewModel(model.runs(), model.paperStyleProperty());
        ChartsView charts = new ChartsView(chartsModel, model.readout(), model.runs(), model.sample());
        ExportViewModel export = new ExportViewModel(model.messages(), chartsModel::exportName);
        Menu exportMenu = exportMenu(chartsModel, model.landscape(), export);
        Menu viewMenu = viewMenu(model);
        MenuBar menu = new MenuBar(fileMenu(model), exportMenu, viewMenu);
        ExplainViewModel explain = new ExplainViewModel(model.builder(), model.runs(), EXPLAIN_NORMS,
                Platform::runLater);
        MainWindow main = new MainWindow(model, charts, menu, new ExplainView(explain));
        // The shape table's drill-down: a conv row opens that layer in Explain.
        main.builder().setOnOpenLayer(l -> {
            explain.show(l);
            main.tabs().getSelectionModel().select(main.tabs().getTabs().stream()
                    .filter(t -> t.getText().equals("Explain")).findFirst().orElseThrow());
        });
        Parent root = main.root();
        org.hessianscope.ui.common.JobNotifications.install(root, model.messages());
        var commands = new org.hessianscope.ui.shortcuts.CommandMenus();
        menu.getMenus().add(1, commands.editMenu(model.edits(), root));
        menu.getMenus().add(2, commands.runMenu(model.train(), model.runs()));
        commands.addExportAll(exportMenu, chartsModel, export);
        var zoom = org.hessianscope.ui.charts.ZoomReset.install(root);
        commands.addViewItems(viewMenu, main.tabs(), zoom);
        var sessionWindow = new org.hessianscope.ui.session.SessionWindow(root, main.tabs(), chartsModel, zoom);
        viewMenu.getItems().add(1, presenterMenu(sessionWindow.scaleProperty()));
        MenuItem showAll = new MenuItem("Show every control (undo a session's hide)");
        showAll.setId("menu-show-all");
        showAll.setOnAction(e -> sessionWindow.showAll());
        viewMenu.getItems().add(2, showAll);
        model.sessionFiles().attach(sessionWindow);
        menu.getMenus().add(org.hessianscope.ui.help.HelpMenu.build(root,
                main.tabs().getTabs().stream().map(javafx.scene.control.Tab::getText).toList()));
        return new Built(root, charts, chartsModel, export, commands, main.tabs());
    }

    private static Menu fileMenu(AppModel model) {
        MenuItem open = new MenuItem("Open run…");
        open.setAccelerator(org.hessianscope.ui.shortcuts.Shortcuts.OPEN_RUN);
        open.setOnAction(e -> {
            File dir = new DirectoryChooser().showDialog(null);
            if (dir != null) {
                model.runs().open(dir.toPath());
            }
        });
        MenuItem samples = new MenuItem("Open sample models");
        samples.setOnAction(e -> model.runs().openAll(model.options().sampleModels()));
        MenuItem data = new MenuItem();
        data.setId("menu-data-folder");
        var folder = model.sample().dataFolderProperty();
        data.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> "Data folder… ("
                + (folder.get() == null ? "none: embedded subsets and the usual folders" : folder.get()) + ")", folder));
        data.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Folder holding full datasets (e.g. mnist/train-images-idx3-ubyte.gz)");
            File dir = chooser.showDialog(null);
            if (dir != null) {
                folder.set(dir.toPath());
            }
        });
        MenuItem quit = new MenuItem("Quit");
        quit.setOnAction(e -> Platform.exit());
        return new Menu("File", null, open, samples, data, new javafx.scene.control.SeparatorMenuItem(),
                sessionItem("Open session…", "menu-open-session", false, model),
                sessionItem("Save session as…", "menu-save-session", true, model),
                new javafx.scene.control.SeparatorMenuItem(), quit);
    }

    /** A session file to hand out or open: builder, runs, selection, tab, toggles, zoom, scale, hidden controls. */
    private static MenuItem sessionItem(String text, String id, boolean save, AppModel model) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(save ? "Save the session (a file to hand out)" : "Open a session file");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Session (JSON)", "*.json"));
            if (save) {
                chooser.setInitialFileName("session.json");
            }
            File f = save ? chooser.showSaveDialog(null) : chooser.showOpenDialog(null);
            if (f != null && save) {
                model.sessionFiles().saveAs(f.toPath());
            } else if (f != null) {
                model.sessionFiles().open(f.toPath());
            }
        });
        return item;
    }

    /** View → Presenter mode: one scale for the window's fonts and the charts' fonts and lines. */
    private static Menu presenterMenu(javafx.beans.property.DoubleProperty scale) {
        Menu menu = new Menu("Presenter mode");
        menu.setId("menu-presenter");
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        for (double s : org.hessianscope.ui.session.SessionWindow.SCALES) {
            javafx.scene.control.RadioMenuItem item = new javafx.scene.control.RadioMenuItem(
                    s == 1 ? "Off (1×)" : String.format(java.util.Locale.ROOT, "%.4g× fonts and lines", s));
            item.setId(String.format(java.util.Locale.ROOT, "menu-presenter-%d", Math.round(s * 100)));
            item.setToggleGroup(group);
            item.setSelected(scale.get() == s);
            item.setOnAction(e -> scale.set(s));
            scale.addListener((o, was, now) -> item.setSelected(now.doubleValue() == s));
            menu.getItems().add(item);
        }
        return menu;
    }

    private static Menu exportMenu(ChartsViewModel charts, LandscapeViewModel landscape, ExportViewModel export) {
        return new Menu("Export", null,
                chartMenu("Loss difference (chart 1)", "lossdifference", charts.lossDifferenceProperty(), export),
                chartMenu("Spectrum (chart 2)", "spectrum", charts.spectrumProperty(), export),
                chartMenu("Bound versus measured (chart 3)", "bounds", charts.boundsProperty(), export),
                chartMenu("Per-sample (chart 4)", "persample", charts.perSampleProperty(), export),
                chartMenu("Landscape map", "landscape", landscape.lossMapProperty(), export),
                chartMenu("Loss-difference map σ²", "landscape-sigma2", landscape.varianceMapProperty(), export),
                chartMenu("Landscape slice", "landscape-slice", landscape.sliceProperty(), export));
    }

    private static Menu chartMenu(String title, String name,
                                  javafx.beans.value.ObservableObjectValue<org.jfree.chart.JFreeChart> chart,
                                  ExportViewModel export) {
        Menu menu = new Menu(title);
        String[][] choices = {{"PNG 1×", "png", "1"}, {"PNG 2×", "png", "2"}, {"PNG 3×", "png", "3"},
                {"SVG", "svg", "1"}, {"PDF", "pdf", "1"}, {"CSV data", "csv", "1"}};
        for (String[] c : choices) {
            MenuItem item = new MenuItem(c[0]);
            item.setOnAction(e -> {
                FileChooser chooser = new FileChooser();
                chooser.setInitialFileName(export.suggestedName(name) + "." + c[1]);
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(c[0], "*." + c[1]));
                File f = chooser.showSaveDialog(null);
                if (f != null) {
                    export.export(chart, f.toPath(), Integer.parseInt(c[2]));
                }
            });
            menu.getItems().add(item);
        }
        return menu;
    }

    private static Menu viewMenu(AppModel model) {
        CheckMenuItem paper = new CheckMenuItem("Paper style (the authors' figure conventions)");
        paper.selectedProperty().bindBidirectional(model.paperStyleProperty());
        return new Menu("View", null, paper);
    }
}
