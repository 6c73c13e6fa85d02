package org.hessianscope.ui.shortcuts;

import java.nio.file.Path;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.stage.DirectoryChooser;
import org.hessianscope.ui.charts.ChartRegistry;
import org.hessianscope.ui.charts.ChartsViewModel;
import org.hessianscope.ui.charts.ExportViewModel;
import org.hessianscope.ui.charts.ZoomReset;
import org.hessianscope.ui.common.EditHistory;
import org.hessianscope.ui.train.TrainViewModel;
import org.hessianscope.ui.runs.RunsViewModel;

/**
 * The menu items behind the keyboard shortcuts that no other menu holds: Run (Train, Cancel),
 * the tab and zoom items of View, and Export → All four charts. Each shows its {@link Shortcuts}
 * accelerator, so the menus teach the keys.
 */
public final class CommandMenus {
    /** Asks for a folder (title → folder, null when cancelled); tests replace the dialog. */
    private final ObjectProperty<Function<String, Path>> folderChooser = new SimpleObjectProperty<>(title -> {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle(title);
        java.io.File f = c.showDialog(null);
        return f == null ? null : f.toPath();
    });

    public ObjectProperty<Function<String, Path>> folderChooserProperty() {
        return folderChooser;
    }

    /** Run: Train and Cancel (training, else analysis). */
    public Menu runMenu(TrainViewModel train, RunsViewModel runs) {
        MenuItem t = item("Train", "menu-train", Shortcuts.TRAIN, train::train);
        t.disableProperty().bind(train.canTrainProperty().not());
        MenuItem cancel = item("Cancel the training or analysis", "menu-cancel", Shortcuts.CANCEL, () -> {
            if (train.job().runningProperty().get()) {
                train.job().cancel();
            } else {
                runs.job().cancel();
            }
        });
        cancel.disableProperty().bind(train.job().runningProperty().not().and(runs.job().runningProperty().not()));
        var lesson = train.lesson();
        MenuItem play = item("Lesson: play / pause", "menu-lesson-play", Shortcuts.LESSON_PLAY_PAUSE, lesson::playPause);
        MenuItem batch = item("Lesson: step one batch", "menu-lesson-batch", Shortcuts.LESSON_STEP_BATCH, lesson::stepBatch);
        MenuItem epoch = item("Lesson: step one epoch", "menu-lesson-epoch", Shortcuts.LESSON_STEP_EPOCH, lesson::stepEpoch);
        MenuItem reset = item("Lesson: reset to the initial weights", "menu-lesson-reset", Shortcuts.LESSON_RESET,
                lesson::reset);
        // Off while another (unpaced) training runs: a lesson cannot take it over.
        var busy = train.job().runningProperty().and(lesson.activeProperty().not());
        for (MenuItem m : new MenuItem[] {play, batch, epoch, reset}) {
            m.disableProperty().bind(busy);
        }
        return new Menu("Run", null, t, cancel, new SeparatorMenuItem(), play, batch, epoch, reset);
    }

    /**
     * Edit: Undo and Redo over the builder's changes and Remove, each named after its step ("Undo
     * channels 8 → 12") and disabled when there is none. Redo's second keys go to {@code root}'s scene.
     */
    public Menu editMenu(EditHistory edits, javafx.scene.Parent root) {
        MenuItem undo = item("Undo", "menu-undo", Shortcuts.UNDO, edits::undo);
        undo.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                edits.undoNameProperty().get().isEmpty() ? "Undo" : "Undo " + edits.undoNameProperty().get(),
                edits.undoNameProperty()));
        undo.disableProperty().bind(edits.undoNameProperty().isEmpty());
        MenuItem redo = item("Redo", "menu-redo", Shortcuts.REDO, edits::redo);
        redo.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                edits.redoNameProperty().get().isEmpty() ? "Redo" : "Redo " + edits.redoNameProperty().get(),
                edits.redoNameProperty()));
        redo.disableProperty().bind(edits.redoNameProperty().isEmpty());
        root.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(Shortcuts.REDO_ALT, edits::redo);
                // In a field whose typing is a step of this history the keys undo that step, sealed first so that
                // what is typed after it is a step of its own; TextField would otherwise undo its text alone.
                scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
                    if (!(scene.getFocusOwner() instanceof javafx.scene.control.TextInputControl field)
                            || !field.getProperties().containsKey(EditHistory.FIELD)) {
                        return;
                    }
                    boolean undoKey = Shortcuts.UNDO.match(e);
                    if (undoKey || Shortcuts.REDO.match(e) || Shortcuts.REDO_ALT.match(e)) {
                        e.consume();
                        edits.seal();
                        if (undoKey) {
                            edits.undo();
                        } else {
                            edits.redo();
                        }
                    }
                });
            }
        });
        Menu edit = new Menu("Edit", null, undo, redo);
        edit.setId("menu-edit");
        return edit;
    }

    /** Adds "Show the … tab" items (Shortcut+1…) and Reset zoom (Shortcut+0) to {@code view}. */
    public void addViewItems(Menu view, TabPane tabs, ZoomReset zoom) {
        view.getItems().add(new SeparatorMenuItem());
        for (int i = 0; i < tabs.getTabs().size(); i++) {
            Tab tab = tabs.getTabs().get(i);
            view.getItems().add(item(tab.getText() + " tab", "menu-tab-" + i, Shortcuts.tab(i),
                    () -> tabs.getSelectionModel().select(tab)));
        }
        view.getItems().add(item("Reset zoom of every chart", "menu-reset-zoom", Shortcuts.RESET_ZOOM, zoom::resetAll));
    }

    /** Export → "All four charts…": PNG 2× and PDF of each drawn chart into one chosen folder. */
    public void addExportAll(Menu export, ChartsViewModel charts, ExportViewModel exporter) {
        MenuItem all = item("All four charts (PNG 2× and PDF)…", "menu-export-all", Shortcuts.EXPORT_CHARTS, () -> {
            Path dir = folderChooser.get().apply("Folder for the four charts");
            if (dir != null) {
                exportAll(dir, charts, exporter);
            }
        });
        export.getItems().add(0, all);
        export.getItems().add(1, new SeparatorMenuItem());
    }

    /** Files are named after the chart's title, as the CLI's figure names them: loss-difference.png, …. */
    private static void exportAll(Path dir, ChartsViewModel charts, ExportViewModel exporter) {
        for (ChartRegistry.Chart c : ChartRegistry.CHARTS) {
            var chart = c.property().apply(charts);
            if (chart.get() != null) {
                String name = c.title().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
                exporter.export(chart, dir.resolve(name + ".png"), 2);
                exporter.export(chart, dir.resolve(name + ".pdf"), 1);
            }
        }
    }

    public static MenuItem item(String text, String id, KeyCombination keys, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setId(id);
        m.setAccelerator(keys);
        m.setOnAction(e -> action.run());
        return m;
    }
}
