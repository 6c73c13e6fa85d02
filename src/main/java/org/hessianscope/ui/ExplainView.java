package org.hessianscope.ui;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Placeholder until the teaching panel is written. */
final class ExplainView extends VBox {
    ExplainView(BuilderViewModel builder) {
        getChildren().add(new Label("explain"));
    }
}
