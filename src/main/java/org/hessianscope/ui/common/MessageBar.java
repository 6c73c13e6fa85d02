package org.hessianscope.ui.common;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The in-window notification strip: hidden when empty, red for errors, with the message's
 * action button (Undo) when it has one. It floats over the top of the window (see MainWindow),
 * so showing it never moves a control the user is about to click.
 */
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
        Button action = new Button();
        action.setId("message-bar-action");
        action.visibleProperty().bind(messages.actionProperty().isNotNull());
        action.managedProperty().bind(action.visibleProperty());
        action.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                messages.actionProperty().get() == null ? "" : messages.actionProperty().get().label(),
                messages.actionProperty()));
        action.setOnAction(e -> {
            Messages.Action a = messages.actionProperty().get();
            if (a != null) {
                a.run().run();
            }
        });
        Button close = new Button("×");
        close.setId("message-bar-close");
        close.setOnAction(e -> messages.clear());
        getChildren().addAll(text, action, close);
        visibleProperty().bind(messages.textProperty().isNotEmpty());
        setMaxHeight(USE_PREF_SIZE);
        setMaxWidth(900);
        styleProperty().bind(javafx.beans.binding.Bindings.when(messages.errorProperty())
                .then("-fx-background-color: #f8d7da; -fx-effect: dropshadow(gaussian, rgba(0,0,0,0.3), 6, 0, 0, 2);")
                .otherwise("-fx-background-color: #d1ecf1; -fx-effect: dropshadow(gaussian, rgba(0,0,0,0.3), 6, 0, 0, 2);"));
    }
}
