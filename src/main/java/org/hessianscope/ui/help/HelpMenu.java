package org.hessianscope.ui.help;

import java.util.List;
import java.util.Locale;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.hessianscope.Version;
import org.hessianscope.ui.explain.ExplainView;
import org.hessianscope.ui.shortcuts.CommandMenus;
import org.hessianscope.ui.shortcuts.Shortcuts;

/**
 * Help: the user guide (the window's parts, then the charts in the Explain tab's own words),
 * the keyboard shortcuts and About (version, Java and JavaFX, the libraries and their licences).
 * Each opens in its own small window beside the main one, so the charts stay visible.
 */
public final class HelpMenu {
    static final String OVERVIEW = """
            HessianScope: how the loss landscape of a small convolutional network settles as the training set \
            grows, seen through the Hessian.

            Left: the builder. Choose the network (layers L, kernel k, channels C, pool, hidden widths), the \
            dataset, the training-set size, epochs and seed. The shape table, the parameter count, the training \
            estimate and the bound preview follow at once. Train (%s) trains it in the background; the live chart \
            shows its loss and accuracy.

            Middle: the tabs. Charts: the four linked charts, explained below (hover chart 1 to read every run at \
            that k, click a curve to select its run, click a dot of chart 4 to see the sample). Landscape: the loss \
            around the trained weights. Explain: the same words as below, and a convolution drawn as its Toeplitz \
            matrix. Experiments: sweeps over one setting, run and loaded into the charts.

            Right: the runs. Each run keeps its colour in every chart; check runs to compare them; the selected \
            run is the one charts 2 and 4 show. Runs are analysed after training and the analysis is stored with \
            the run, so a reopened run draws at once.

            Zoom: drag a rectangle on a chart; %s (or the chart's right-click menu) resets it.

            """;

    private HelpMenu() {
    }

    /** The Help menu of the window whose root is {@code root}; {@code tabs} names its tabs in order. */
    public static Menu build(Parent root, List<String> tabs) {
        MenuItem guide = CommandMenus.item("User guide", "menu-guide", Shortcuts.GUIDE,
                () -> show(root, "HessianScope user guide", "help-guide", guide(tabs)));
        MenuItem keys = new MenuItem("Keyboard shortcuts");
        keys.setId("menu-shortcuts");
        keys.setOnAction(e -> show(root, "Keyboard shortcuts", "help-shortcuts", shortcuts(tabs)));
        MenuItem about = new MenuItem("About HessianScope");
        about.setId("menu-about");
        about.setOnAction(e -> show(root, "About HessianScope", "help-about", about()));
        return new Menu("Help", null, guide, keys, about);
    }

    static String guide(List<String> tabs) {
        return String.format(Locale.ROOT, OVERVIEW, Shortcuts.TRAIN.getDisplayText(),
                Shortcuts.RESET_ZOOM.getDisplayText()) + ExplainView.TEXT + "\n\nKeyboard shortcuts\n\n"
                + shortcuts(tabs);
    }

    static String shortcuts(List<String> tabs) {
        StringBuilder b = new StringBuilder();
        for (Shortcuts.Entry e : Shortcuts.all(tabs)) {
            b.append(String.format(Locale.ROOT, "%-18s %s%n", e.keysText(), e.action()));
        }
        return b.toString();
    }

    static String about() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "HessianScope %s%nJava %s (%s), JavaFX %s%n%nIt ships with these libraries:%n%n",
                Version.get(), System.getProperty("java.version"), System.getProperty("java.vendor"),
                System.getProperty("javafx.runtime.version", "unknown")));
        for (Licences.Library l : Licences.all()) {
            b.append(String.format(Locale.ROOT, "%s %s: %s (%s)%n", l.artifact(), l.version(), l.licence(), l.use()));
        }
        b.append(String.format(Locale.ROOT, "%nand carries:%n%n"));
        for (Licences.Library l : Licences.bundled()) {
            b.append(String.format(Locale.ROOT, "%s %s: %s (%s)%n", l.artifact(), l.version(), l.licence(), l.use()));
        }
        return b.toString();
    }

    private static void show(Parent root, String title, String id, String text) {
        TextArea area = new TextArea(text);
        area.setId(id);
        area.setEditable(false);
        area.setWrapText(true);
        Stage stage = new Stage();
        if (root.getScene() != null) {
            stage.initOwner(root.getScene().getWindow());
        }
        stage.setTitle(title);
        stage.setScene(new Scene(area, 720, 600));
        stage.show();
    }
}
