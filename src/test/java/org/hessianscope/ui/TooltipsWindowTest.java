package org.hessianscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Tooltips (issue 17): every control of the builder and training panels says what it does and its valid range. */
@ExtendWith(ApplicationExtension.class)
public class TooltipsWindowTest {
    @TempDir
    static Path tmp;
    GuiFixture gui;

    @Start
    void start(Stage stage) {
        gui = new GuiFixture(stage, tmp, tmp.resolve("session.json"), List.of());
    }

    @AfterEach
    void close() throws Exception {
        gui.close();
    }

    /** The controls a user sees, not the parts their skins are made of; labels only show values. */
    private static List<Control> controls(Parent p, List<Control> out) {
        for (Node n : p.getChildrenUnmodifiable()) {
            if (n instanceof Control c) {
                if (!(c instanceof Label)) {
                    out.add(c);
                }
            } else if (n instanceof Parent q) {
                controls(q, out);
            }
        }
        return out;
    }

    @Test
    void everyBuilderAndTrainingControlHasATooltip(FxRobot robot) {
        List<Control> all = new ArrayList<>();
        controls(robot.lookup("#builder").queryAs(Parent.class), all);
        controls(robot.lookup("#train-panel").queryAs(Parent.class), all);
        assertTrue(all.size() >= 16, "5 sliders, pool, 4 fields, 2 boxes, boxes, table, Train, Cancel, progress: " + all.size());
        for (Control c : all) {
            Tooltip t = c.getTooltip();
            assertNotNull(t, "no tooltip on " + c);
            assertTrue(t.getText().length() > 20 && t.getText().endsWith("."), c.getId() + ": " + t.getText());
        }
    }

    @Test
    void slidersNameTheirRangeAndThePoolsFollowsL(FxRobot robot) {
        Slider layers = robot.lookup("#slider-layers").queryAs(Slider.class);
        assertTrue(layers.getTooltip().getText().endsWith("; 1 to 8."), layers.getTooltip().getText());
        Slider kernel = robot.lookup("#slider-kernel").queryAs(Slider.class);
        assertTrue(kernel.getTooltip().getText().endsWith("; 2 to 7."), kernel.getTooltip().getText());
        Slider poolAt = robot.lookup("#slider-pool-at").queryAs(Slider.class);
        robot.interact(() -> gui.model.builder().layersProperty().set(5));
        assertTrue(poolAt.getTooltip().getText().endsWith("; 1 to 5."), poolAt.getTooltip().getText());
        robot.interact(() -> gui.model.builder().layersProperty().set(3));
        assertEquals("Which conv layer's ReLU the pool replaces; 1 to 3.", poolAt.getTooltip().getText());
    }

    /** ControlsFX validation: text that does not parse is marked with the reason instead of being dropped silently. */
    @Test
    void fieldsThatHoldNoValidValueAreMarkedWithTheReason(FxRobot robot) {
        var builder = robot.lookup("#builder").queryAs(org.hessianscope.ui.builder.BuilderView.class);
        javafx.scene.control.TextField epochs = robot.lookup("#field-epochs").queryAs(javafx.scene.control.TextField.class);
        assertEquals(Boolean.FALSE, builder.validation().isInvalid());
        robot.doubleClickOn(epochs).eraseText(4).write("abc");
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Boolean.TRUE, builder.validation().isInvalid());
        assertEquals("epochs must be a whole number, 1 or more",
                builder.validation().getHighestMessage(epochs).orElseThrow().getText());
        robot.eraseText(3).write("3");
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Boolean.FALSE, builder.validation().isInvalid());
        assertEquals(3, gui.model.builder().epochsProperty().get());
        robot.clickOn("#field-train-size").eraseText(0);
        robot.interact(() -> robot.lookup("#field-train-size").queryAs(javafx.scene.control.TextField.class).setText("1"));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertTrue(builder.validation().getValidationResult().getErrors().stream()
                .anyMatch(m -> m.getText().contains("2 to 60,000")));
    }
    @Test
    void theOperatorTogglesShowTheOperatorsNamesAsWritten(FxRobot robot) {
        // CheckBox text is parsed for mnemonics, so "H_F = H − H_O" showed as "HF = H − H_O", next to "HO": the
        // chart beside it writes H_O and H_F. The text drawn must be the name as the figures write it.
        Parent toggles = robot.lookup("#spectrum-operators").queryAs(Parent.class);
        List<String> drawn = new ArrayList<>();
        for (Node n : toggles.getChildrenUnmodifiable()) {
            javafx.scene.text.Text text = (javafx.scene.text.Text) n.lookup(".text");
            drawn.add(text.getText());
        }
        assertEquals(List.of("H", "H_O (Gauss-Newton)", "H_F = H − H_O"), drawn);
    }
}
