package org.hessianscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Nothing a training shows or hides moves the controls a user is about to click (issue 17, defect 5). */
@ExtendWith(ApplicationExtension.class)
public class StableLayoutWindowTest {
    /** Train, Cancel and builder controls above and below the strip that appears during a training. */
    private static final List<String> CONTROLS = List.of("#train-button", "#train-cancel", "#slider-layers",
            "#field-seed", "#field-epochs", "#shape-table", "#live-chart", "#runs-remove");
    @TempDir
    static Path tmp;
    GuiFixture gui;

    @Start
    void start(Stage stage) {
        gui = GuiFixture.fresh(stage, tmp);
    }

    @AfterEach
    void close() throws Exception {
        gui.close();
    }

    /** Each control's layout bounds on the screen, by id (without the focus ring, which is drawn outside them). */
    private static Map<String, Bounds> bounds(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return GuiFixture.onFx(() -> {
            Map<String, Bounds> all = new LinkedHashMap<>();
            for (String id : CONTROLS) {
                Node n = robot.lookup(id).query();
                all.put(id, n.localToScreen(n.getLayoutBounds()));
            }
            return all;
        });
    }

    @Test
    void aTrainingMovesNoControl(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            gui.model.builder().trainSizeProperty().set(200);
            gui.model.builder().epochsProperty().set(1);
        }).get();
        Map<String, Bounds> before = bounds(robot);
        robot.clickOn("#train-button");
        GuiFixture.await("a training step on screen", () -> !gui.model.train().lastStepProperty().get().isEmpty());
        Map<String, Bounds> during = bounds(robot);
        GuiFixture.await("the run trained and analysed", () -> !gui.model.runs().runs().isEmpty() && !gui.model.busy()
                && gui.model.runs().runs().get(0).analysisProperty().get() != null);
        Map<String, Bounds> after = bounds(robot);
        for (String id : CONTROLS) {
            assertEquals(before.get(id), during.get(id), id + " moved when the training started");
            assertEquals(before.get(id), after.get(id), id + " moved after the training");
        }
    }
}
