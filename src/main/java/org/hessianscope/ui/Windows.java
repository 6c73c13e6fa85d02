package org.hessianscope.ui;

import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.application.Platform;

/** Builds the whole window for a model: the one place the views are wired together. */
final class Windows {
    private Windows() {
    }

    static Parent build(AppModel model) {
        MenuItem quit = new MenuItem("Quit");
        quit.setOnAction(e -> Platform.exit());
        MenuBar menu = new MenuBar(new Menu("File", null, quit));
        return new MainWindow(model, new Label("charts"), menu, new Label("explain")).root();
    }
}
