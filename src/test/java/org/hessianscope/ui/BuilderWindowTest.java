package org.hessianscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The builder beside the train panel (issue 17): one training estimate, and no field read as 0. */
@ExtendWith(ApplicationExtension.class)
public class BuilderWindowTest {
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

    private static List<String> texts(Parent p, List<String> out) {
        for (Node n : p.getChildrenUnmodifiable()) {
            if (n instanceof Labeled l && l.getText() != null) {
                out.add(l.getText());
            }
            if (n instanceof Parent q) {
                texts(q, out);
            }
        }
        return out;
    }

    /** Defect 11: the window shows one training time, the train panel's measured one; the builder keeps memory. */
    @Test
    void theWindowShowsOneTrainingEstimate(FxRobot robot) {
        List<String> all = texts(gui.built.root(), new ArrayList<>());
        assertTrue(all.stream().noneMatch(t -> t.matches("(?s).*training ≈.*on \\d+ cores.*")), all.toString());
        String memory = robot.lookup("#builder-memory").queryAs(Labeled.class).getText();
        assertTrue(memory.matches("training memory ≈ \\d+\\.\\d MB \\(batch 64\\)"), memory);
        assertFalse(memory.contains("training ≈"), memory);
    }

    /** guib's finding: an emptied number field stored 0 and Train stayed on; now the value stays and Train says why. */
    @Test
    void anEmptiedFieldIsNeverReadAsZeroAndTrainSaysWhy(FxRobot robot) {
        Button train = robot.lookup("#train-button").queryAs(Button.class);
        TextField size = robot.lookup("#field-train-size").queryAs(TextField.class);
        assertFalse(train.isDisabled());
        robot.interact(() -> size.setText(""));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1000, gui.model.builder().trainSizeProperty().get(), "the last valid size, not 0");
        assertTrue(train.isDisabled(), "Train waits for the field");
        assertTrue(train.getTooltip().getText().startsWith("Train is off until this field is fixed: "
                + "training-set size must be a whole number from 2 to 60,000."), train.getTooltip().getText());
        TextField epochs = robot.lookup("#field-epochs").queryAs(TextField.class);
        robot.interact(() -> {
            size.setText("300");
            epochs.setText("0");
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(300, gui.model.builder().trainSizeProperty().get());
        assertEquals(1, gui.model.builder().epochsProperty().get(), "0 epochs is not a value");
        assertTrue(train.isDisabled());
        assertTrue(train.getTooltip().getText().contains("epochs must be a whole number, 1 or more"));
        robot.interact(() -> epochs.setText("2"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, gui.model.builder().epochsProperty().get());
        assertFalse(train.isDisabled());
        assertTrue(train.getTooltip().getText().startsWith("Trains the builder's network"));
        // A value set in the model (a session, a test) still reaches the field.
        robot.interact(() -> gui.model.builder().seedProperty().set(7));
        assertEquals("7", robot.lookup("#field-seed").queryAs(TextField.class).getText());
    }

    /** At 1280×720 the hidden widths' prompt and the ReLU box's label are shown whole, not cut. */
    @Test
    void theBuilderIsNotClippedAt1280x720(FxRobot robot) {
        robot.interact(() -> {
            javafx.stage.Window w = gui.built.root().getScene().getWindow();
            w.setWidth(1280);
            w.setHeight(720);
        });
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.CheckBox relu = robot.lookup("#relu-last").queryAs(javafx.scene.control.CheckBox.class);
        javafx.scene.text.Text shown = (javafx.scene.text.Text) relu.lookup(".text");
        assertEquals("ReLU after the last conv", shown.getText(), "the box's label is not cut");
        assertTrue(relu.getWidth() >= relu.prefWidth(-1) - 0.5, relu.getWidth() + " px for " + relu.prefWidth(-1));
        TextField hidden = robot.lookup("#field-hidden").queryAs(TextField.class);
        javafx.scene.text.Text prompt = hidden.lookupAll("Text").stream()
                .filter(n -> n instanceof javafx.scene.text.Text t && hidden.getPromptText().equals(t.getText()))
                .map(n -> (javafx.scene.text.Text) n).findFirst().orElseThrow();
        double room = hidden.getWidth() - hidden.snappedLeftInset() - hidden.snappedRightInset();
        assertTrue(prompt.getLayoutBounds().getWidth() <= room,
                "prompt " + prompt.getLayoutBounds().getWidth() + " px in " + room + " px");
    }
}
