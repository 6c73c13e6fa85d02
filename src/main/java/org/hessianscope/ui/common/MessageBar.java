package org.hessianscope.ui.common;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** The in-window notification strip: hidden when empty, red for errors. */
public final class MessageBar extends HBox {
    public MessageBar(Messages messages) {
        super(8);
        setPadding(new Insets(4, 8, 4, 8));
        Label text = new Label();
        text.setId("message-bar-text");
        text.setWrapText(true);
        text.textProperty().bind(messages.textProperty());
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button close = new Button("×");
        close.setOnAction(e -> messages.clear());
        getChildren().addAll(text, close);
        visibleProperty().bind(messages.textProperty().isNotEmpty());
        managedProperty().bind(visibleProperty());
        styleProperty().bind(javafx.beans.binding.Bindings.when(messages.errorProperty())
                .then("-fx-background-color: #f8d7da;").otherwise("-fx-background-color: #d1ecf1;"));
    }
}
