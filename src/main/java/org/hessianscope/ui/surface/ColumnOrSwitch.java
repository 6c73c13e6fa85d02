package org.hessianscope.ui.surface;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import org.controlsfx.control.SegmentedButton;

/**
 * Two views side by side when there is room, one at a time under a two-way switch when there is not.
 * The Landscape tab puts its four slices and the Δ_{k+1}(σ) column in one: at 1280×720 the tab is about
 * 690 px wide, and a 60/40 split left each map about 210 px, their titles running into their axis labels,
 * which is the picture a class would see on a projector.
 */
final class ColumnOrSwitch extends BorderPane {
    /** Below this width (px) the two views take turns; the Landscape tab at 1600×1000 is about 860 px wide. */
    static final double SIDE_BY_SIDE = 800;

    private final Node main;
    private final Node side;
    private final GridPane columns = new GridPane();
    private final StackPane one = new StackPane();
    private final SegmentedButton choice;
    private final ToggleButton showMain;
    private final ToggleButton showSide;
    private Boolean wide;

    ColumnOrSwitch(Node main, String mainName, Node side, String sideName, double mainPercent, String id) {
        this.main = main;
        this.side = side;
        showMain = new ToggleButton(mainName);
        showMain.setId(id + "-main");
        showSide = new ToggleButton(sideName);
        showSide.setId(id + "-side");
        // An underscore in a name is text, not a mnemonic.
        showMain.setMnemonicParsing(false);
        showSide.setMnemonicParsing(false);
        choice = new SegmentedButton(showMain, showSide);
        choice.setId(id);
        BorderPane.setMargin(choice, new Insets(0, 0, 4, 4));
        showMain.setSelected(true);
        // A segmented button may be pressed off; one view is always shown, so pressing the shown one keeps it.
        choice.getToggleGroup().selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true);
            } else if (Boolean.FALSE.equals(wide)) {
                one.getChildren().setAll(now == showSide ? side : main);
            }
        });
        columns.setHgap(6);
        RowConstraints all = new RowConstraints();
        all.setVgrow(Priority.ALWAYS);
        all.setPercentHeight(100);
        columns.getRowConstraints().setAll(all);
        ColumnConstraints left = new ColumnConstraints();
        left.setPercentWidth(mainPercent);
        ColumnConstraints right = new ColumnConstraints();
        right.setPercentWidth(100 - mainPercent);
        columns.getColumnConstraints().setAll(left, right);
        columns.setMinSize(0, 0);
        one.setMinSize(0, 0);
        setMinSize(0, 0);
        widthProperty().addListener((o, was, now) -> arrange(now.doubleValue() >= SIDE_BY_SIDE));
        arrange(true);
    }

    /** True while both views are on screen side by side. */
    boolean sideBySide() {
        return Boolean.TRUE.equals(wide);
    }

    /** Brings {@code side} (true) or the main view to the front when they take turns; side by side, both are shown. */
    void show(boolean sideView) {
        (sideView ? showSide : showMain).setSelected(true);
    }

    private void arrange(boolean roomForBoth) {
        if (Boolean.valueOf(roomForBoth).equals(wide)) {
            return;
        }
        wide = roomForBoth;
        if (roomForBoth) {
            one.getChildren().clear();
            columns.getChildren().clear();
            columns.add(main, 0, 0);
            columns.add(side, 1, 0);
            setTop(null);
            setCenter(columns);
        } else {
            columns.getChildren().clear();
            one.getChildren().setAll(showSide.isSelected() ? side : main);
            setTop(choice);
            setCenter(one);
        }
    }
}
