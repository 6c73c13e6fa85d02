package org.hessianscope.ui;

import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.hessianscope.Version;

/** The desktop application. */
public final class HessianScopeApp extends Application {

    @Override
    public void start(Stage stage) {
        BorderPane root = new BorderPane(new Label("HessianScope " + Version.get()
                + "\nThe analysis views arrive with the GUI issue; the command line (bin/hessianscope) has them now."));
        root.setPadding(new Insets(24));
        stage.setTitle("HessianScope");
        stage.setScene(new Scene(root, 900, 600));
        stage.show();
    }

    public static void main(String[] args) {
        launch(args);
    }
}
