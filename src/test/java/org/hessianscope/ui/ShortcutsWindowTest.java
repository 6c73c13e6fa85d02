package org.hessianscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.hessianscope.ui.shortcuts.Shortcuts;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.Range;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Keyboard shortcuts (issue 17, "what users expect"): each pressed in the real window does what its menu item says. */
@ExtendWith(ApplicationExtension.class)
public class ShortcutsWindowTest {
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

    private static void ctrl(FxRobot robot, KeyCode... keys) {
        robot.press(KeyCode.CONTROL);
        try {
            robot.type(keys);
        } finally {
            robot.release(KeyCode.CONTROL);
        }
    }

    private MenuItem menuItem(FxRobot robot, String id) {
        for (Menu m : robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus()) {
            for (MenuItem i : m.getItems()) {
                if (id.equals(i.getId())) {
                    return i;
                }
            }
        }
        throw new AssertionError("no menu item " + id);
    }

    @Test
    void theMenusShowTheShortcutsAsAccelerators(FxRobot robot) {
        assertEquals(Shortcuts.TRAIN, menuItem(robot, "menu-train").getAccelerator());
        assertEquals(Shortcuts.CANCEL, menuItem(robot, "menu-cancel").getAccelerator());
        assertEquals(Shortcuts.EXPORT_CHARTS, menuItem(robot, "menu-export-all").getAccelerator());
        assertEquals(Shortcuts.RESET_ZOOM, menuItem(robot, "menu-reset-zoom").getAccelerator());
        assertEquals(Shortcuts.tab(3), menuItem(robot, "menu-tab-3").getAccelerator());
        assertEquals("Experiments tab", menuItem(robot, "menu-tab-3").getText());
    }

    @Test
    void controlDigitsSwitchTabs(FxRobot robot) {
        robot.clickOn("#shape-table");
        ctrl(robot, KeyCode.DIGIT3);
        assertEquals("Explain", gui.built.tabs().getSelectionModel().getSelectedItem().getText());
        ctrl(robot, KeyCode.DIGIT4);
        assertEquals("Experiments", gui.built.tabs().getSelectionModel().getSelectedItem().getText());
        ctrl(robot, KeyCode.DIGIT1);
        assertEquals("Charts", gui.built.tabs().getSelectionModel().getSelectedItem().getText());
    }

    @Test
    void controlEnterTrainsAndEscapeCancels(FxRobot robot) throws Exception {
        // Enough work that the training is still running when Escape arrives.
        robot.interact(() -> {
            gui.model.builder().trainSizeProperty().set(1000);
            gui.model.builder().epochsProperty().set(20);
        });
        robot.clickOn("#shape-table");
        ctrl(robot, KeyCode.ENTER);
        assertTrue(gui.model.train().job().runningProperty().get(), "Ctrl+Enter started the training");
        robot.type(KeyCode.ESCAPE);
        GuiFixture.await("the training to stop", () -> !gui.model.train().job().runningProperty().get());
        assertTrue(gui.model.runs().runs().isEmpty(), "a cancelled training saves no run");
    }

    @Test
    void controlEExportsTheFourChartsToTheChosenFolder(FxRobot robot) throws Exception {
        gui.openAnalysed(analysedRun);
        Path out = gui.folder.resolve("exported");
        Files.createDirectories(out);
        gui.built.commands().folderChooserProperty().set(title -> out);
        robot.clickOn("#shape-table");
        ctrl(robot, KeyCode.E);
        WaitForAsyncUtils.waitForFxEvents();
        for (String name : List.of("loss-difference", "spectrum", "bound-versus-measured", "per-sample")) {
            assertTrue(Files.size(out.resolve(name + ".png")) > 2000, name + ".png");
            assertTrue(Files.size(out.resolve(name + ".pdf")) > 2000, name + ".pdf");
        }
    }

    @Test
    void controlZeroUndoesAMouseZoomOnChartOne(FxRobot robot) throws Exception {
        gui.openAnalysed(analysedRun);
        ChartViewer one = robot.lookup("#chart-lossdifference-viewer").queryAs(ChartViewer.class);
        var axis = one.getChart().getXYPlot().getDomainAxis();
        Range before = axis.getRange();
        Bounds b = one.localToScreen(one.getBoundsInLocal());
        Point2D from = new Point2D(b.getMinX() + b.getWidth() * 0.45, b.getMinY() + b.getHeight() * 0.3);
        robot.drag(from, MouseButton.PRIMARY).moveBy(b.getWidth() * 0.1, b.getHeight() * 0.2)
                .moveBy(b.getWidth() * 0.1, b.getHeight() * 0.2).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotEquals(before, axis.getRange(), "the drag zoomed in");
        assertFalse(axis.isAutoRange());
        robot.clickOn("#shape-table");
        ctrl(robot, KeyCode.DIGIT0);
        assertEquals(before, axis.getRange());
        assertTrue(axis.isAutoRange(), "chart 1's x axis was automatic before the zoom and is again");
    }
}
