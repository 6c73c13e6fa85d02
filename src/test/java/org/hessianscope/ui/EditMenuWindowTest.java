package org.hessianscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.hessianscope.ui.runs.RunItem;
import org.hessianscope.ui.shortcuts.Shortcuts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 17: Edit → Undo / Redo over the builder and Remove (defect 19), by mouse and keys in the real window. */
@ExtendWith(ApplicationExtension.class)
public class EditMenuWindowTest {
    @TempDir
    static Path tmp;
    static Path analysedRun;
    GuiFixture gui;

    @BeforeAll
    static void analysedRun() throws IOException {
        analysedRun = GuiFixture.analysedRun(tmp);
    }

    @Start
    void start(Stage stage) {
        gui = GuiFixture.fresh(stage, tmp);
    }

    @AfterEach
    void close() throws Exception {
        gui.close();
    }

    private static void keys(FxRobot robot, KeyCode key, KeyCode... held) {
        robot.press(held);
        try {
            robot.type(key);
        } finally {
            robot.release(held);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private MenuItem item(FxRobot robot, String id) {
        for (Menu m : robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus()) {
            for (MenuItem i : m.getItems()) {
                if (id.equals(i.getId())) {
                    return i;
                }
            }
        }
        throw new AssertionError("no menu item " + id);
    }

    private int channels() {
        return gui.model.builder().channelsProperty().get();
    }

    /** Drags the channels slider's thumb {@code dx} pixels; returns the channels it ends at. */
    private int dragChannels(FxRobot robot, double dx) {
        Slider s = robot.lookup("#slider-channels").queryAs(Slider.class);
        Node thumb = s.lookup(".thumb");
        robot.drag(thumb).moveBy(dx / 3, 0).moveBy(dx / 3, 0).moveBy(dx / 3, 0).release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        return channels();
    }

    @Test
    void aSliderDragIsOneStepUndoneAndRedoneByTheKeysAndTheMenu(FxRobot robot) {
        MenuItem undo = item(robot, "menu-undo");
        MenuItem redo = item(robot, "menu-redo");
        assertEquals(Shortcuts.UNDO, undo.getAccelerator());
        assertEquals(Shortcuts.REDO, redo.getAccelerator());
        assertTrue(undo.isDisable(), "nothing to undo in a fresh window");
        assertEquals("Undo", undo.getText());
        assertTrue(redo.isDisable());
        int start = channels();
        int end = dragChannels(robot, 30);
        assertTrue(end > start + 1, "the drag crossed several values: " + start + " → " + end);
        assertEquals("Undo channels " + start + " → " + end, undo.getText(), "the whole drag is one named step");
        assertFalse(undo.isDisable());

        keys(robot, KeyCode.Z, KeyCode.CONTROL);
        assertEquals(start, channels(), "one Ctrl+Z took the whole drag back");
        assertEquals(start, (int) Math.round(robot.lookup("#slider-channels").queryAs(Slider.class).getValue()));
        assertTrue(undo.isDisable());
        assertEquals("Redo channels " + start + " → " + end, redo.getText());
        keys(robot, KeyCode.Z, KeyCode.CONTROL, KeyCode.SHIFT);
        assertEquals(end, channels(), "Ctrl+Shift+Z redid it");
        keys(robot, KeyCode.Z, KeyCode.CONTROL);
        keys(robot, KeyCode.Y, KeyCode.CONTROL);
        assertEquals(end, channels(), "Ctrl+Y redid it too");
        robot.interact(redo::fire); // nothing left to redo: nothing happens
        assertEquals(end, channels());
        robot.interact(undo::fire);
        assertEquals(start, channels(), "the menu item undoes as the keys do");

        // A new change after an undo clears the redo list.
        assertFalse(redo.isDisable());
        robot.clickOn("#field-seed").eraseText(1).write("12");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(12, gui.model.builder().seedProperty().get());
        assertTrue(redo.isDisable(), "the redo list was cleared");
        assertEquals("Redo", redo.getText());
        assertEquals("Undo seed 0 → 12", undo.getText(), "typing \"12\" is one step");
    }

    /**
     * Ctrl+Z while the cursor is still in a field just typed into: the field's own undo and the window's would both
     * want the key. One step must be undone, once, and the field must show the value the builder holds.
     */
    @Test
    void ctrlZInAFieldUndoesItsTypingAsOneStep(FxRobot robot) {
        MenuItem redo = item(robot, "menu-redo");
        robot.clickOn("#field-seed").eraseText(1).write("12");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(12, gui.model.builder().seedProperty().get());
        keys(robot, KeyCode.Z, KeyCode.CONTROL);
        assertEquals(0, gui.model.builder().seedProperty().get(), "the typing was undone; field shows \"" + robot.lookup("#field-seed").queryAs(javafx.scene.control.TextField.class).getText() + "\", redo " + redo.getText());
        assertEquals("0", robot.lookup("#field-seed").queryAs(javafx.scene.control.TextField.class).getText(),
                "the field shows the builder's value");
        assertEquals("Redo seed 0 → 12", redo.getText(), "one step, undone once");
        keys(robot, KeyCode.Z, KeyCode.CONTROL, KeyCode.SHIFT);
        assertEquals(12, gui.model.builder().seedProperty().get(), "and redone");
        assertEquals("12", robot.lookup("#field-seed").queryAs(javafx.scene.control.TextField.class).getText());
    }

    /** Defect 19: Remove is undone by Edit → Undo (and the message bar's Undo); no dialog in front of the class. */
    @Test
    void removeIsUndoneByCtrlZ(FxRobot robot) throws Exception {
        RunItem run = gui.openAnalysed(analysedRun);
        robot.clickOn("#runs-remove");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(gui.model.runs().runs().isEmpty(), "one click removed it");
        assertEquals("Undo remove " + run.name(), item(robot, "menu-undo").getText());
        keys(robot, KeyCode.Z, KeyCode.CONTROL);
        assertEquals(List.of(run), gui.model.runs().runs());
        assertEquals(run, gui.model.runs().selectedProperty().get());
        keys(robot, KeyCode.Y, KeyCode.CONTROL);
        assertTrue(gui.model.runs().runs().isEmpty(), "redo removed it again");
        // The message bar's Undo and Edit → Undo are one step: after the first, the second has nothing to repeat.
        keys(robot, KeyCode.Z, KeyCode.CONTROL);
        robot.clickOn("#runs-remove");
        robot.clickOn("#message-bar-action");
        assertEquals(List.of(run), gui.model.runs().runs());
        assertTrue(item(robot, "menu-undo").isDisable(), "nothing is left to undo: " + item(robot, "menu-undo").getText());
    }

    /** File → Open session… changes the whole builder at once: one step, and one Ctrl+Z puts the builder back. */
    @Test
    void anOpenedSessionIsOneStep(FxRobot robot) throws Exception {
        java.nio.file.Path f = java.nio.file.Files.writeString(tmp.resolve("lesson-" + System.nanoTime() + ".json"),
                "{\"layers\": 3, \"kernel\": 3, \"channels\": 8, \"trainSize\": 1000, \"epochs\": 1, \"seed\": 4}");
        WaitForAsyncUtils.asyncFx(() -> gui.model.sessionFiles().open(f)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(8, channels());
        assertEquals("Undo layers 2 → 3, channels 6 → 8, seed 0 → 4", item(robot, "menu-undo").getText());
        keys(robot, KeyCode.Z, KeyCode.CONTROL);
        assertEquals(6, channels());
        assertEquals(2, gui.model.builder().layersProperty().get());
        assertEquals(0, gui.model.builder().seedProperty().get());
        assertTrue(item(robot, "menu-undo").isDisable(), "it was one step");
    }
}
