package org.hessianscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.stage.Popup;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.control.ToggleSwitch;
import org.hessianscope.analysis.TinyRuns;
import org.hessianscope.data.DatasetCatalog;
import org.hessianscope.ui.runs.RunItem;
import org.hessianscope.ui.session.SessionStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** ControlsFX where it is the better control (issue 17): notifications when a job ends, the seed-mean switch. */
@ExtendWith(ApplicationExtension.class)
public class ControlsFxWindowTest {
    @TempDir
    static Path tmp;
    /** Two analysed runs that differ only by their training seed, so chart 1 offers the mean over seeds. */
    static Path seed3;
    static Path seed4;
    GuiFixture gui;
    Stage stage;

    @BeforeAll
    static void twoSeeds() throws IOException {
        DatasetCatalog catalog = TinyRuns.embedded(tmp.resolve("no-data"));
        seed3 = TinyRuns.train(tmp.resolve("seed3"), 1, 120, 3, catalog);
        seed4 = TinyRuns.train(tmp.resolve("seed4"), 1, 120, 4, catalog);
        GuiFixture.analyse(catalog, seed3, seed4);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        gui = GuiFixture.fresh(stage, tmp);
    }

    @AfterEach
    void close() throws Exception {
        gui.close();
    }

    /** Every text shown by the ControlsFX notification popups open now, one list per popup. */
    private static List<List<String>> notifications() throws Exception {
        return GuiFixture.onFx(() -> {
            List<List<String>> all = new ArrayList<>();
            for (Window w : Window.getWindows()) {
                if (w instanceof Popup p && p.isShowing() && !p.getContent().isEmpty()
                        && p.getContent().get(0).getStyleClass().contains("notification-bar")) {
                    List<String> texts = new ArrayList<>();
                    p.getContent().forEach(n -> texts(n, texts));
                    all.add(texts);
                }
            }
            return all;
        });
    }

    private static void texts(Node n, List<String> out) {
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            out.add(l.getText());
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> texts(c, out));
        }
    }

    /** Whether {@code n} and every parent up to the root are visible: a hidden tab's buttons are not. */
    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static List<String> notificationWith(String title) throws Exception {
        return notifications().stream().filter(t -> t.contains(title)).findFirst().orElse(null);
    }

    private static void awaitNotification(String title) throws Exception {
        GuiFixture.await("a notification \"" + title + "\"", () -> {
            try {
                return notificationWith(title) != null;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void aNotificationNamesTheRunWhenItsTrainingAndAnalysisEnd(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            gui.model.builder().trainSizeProperty().set(200);
            gui.model.builder().epochsProperty().set(1);
        }).get();
        robot.clickOn("#train-button");
        awaitNotification("Training finished");
        RunItem run = GuiFixture.onFx(() -> gui.model.runs().runs().get(0));
        String name = GuiFixture.onFx(() -> gui.model.runs().label(run));
        List<String> shown = notificationWith("Training finished");
        assertTrue(shown.stream().anyMatch(t -> t.startsWith(name + "\nin " + run.folder().getFileName())),
                "the notification names the run " + name + ": " + shown);
        // A popup over the window's lower half that covers no button: in the bottom-right corner it hid the run
        // list's Analyse again / Remove and the analysis Cancel for 8 s.
        Window popup = GuiFixture.onFx(() -> Window.getWindows().stream().filter(w -> w instanceof Popup p
                && p.isShowing() && p.getContent().get(0).getStyleClass().contains("notification-bar")).findFirst()
                .orElseThrow());
        WaitForAsyncUtils.waitForFxEvents();
        // ControlsFX places the popup and then moves it into its corner as its size settles: on the CI machine it
        // was read once 23 px below the window's bottom on its way there. Wait (a few seconds at most) for where
        // it comes to rest, then hold it to the same bounds.
        java.util.concurrent.Callable<Rectangle2D> at = () -> GuiFixture.onFx(() -> new Rectangle2D(popup.getX(),
                popup.getY(), popup.getWidth(), popup.getHeight()));
        try {
            WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> {
                Rectangle2D r = at.call();
                return r.getMaxY() <= stage.getY() + stage.getHeight() + 2;
            });
        } catch (java.util.concurrent.TimeoutException e) {
            // the assertion below says where it stayed
        }
        Rectangle2D shownAt = at.call();
        assertTrue(shownAt.getMinY() > stage.getY() + stage.getHeight() / 2
                // Flush with the window's bottom edge, whose fractional y (a centred window) rounds either way.
                && shownAt.getMaxY() <= stage.getY() + stage.getHeight() + 2, "bottom half: " + shownAt
                + " in a window at y " + stage.getY() + ", height " + stage.getHeight());
        List<String> covered = GuiFixture.onFx(() -> stage.getScene().getRoot().lookupAll("*").stream()
                .filter(n -> n instanceof ButtonBase && shown(n))
                .filter(n -> {
                    Bounds b = n.localToScreen(n.getLayoutBounds());
                    return b != null && b.getWidth() > 0 && b.getHeight() > 0 && shownAt.intersects(b.getMinX(),
                            b.getMinY(), b.getWidth(), b.getHeight());
                })
                .map(n -> n.getId() != null ? n.getId() : ((ButtonBase) n).getText()).toList());
        assertEquals(List.of(), covered, "the notification at " + shownAt + " covers these buttons");
        // It is a window of its own owned by the main one, not a node in the main window's scene.
        assertEquals(stage, ((Popup) popup).getOwnerWindow());
        assertTrue(GuiFixture.onFx(() -> stage.getScene().getRoot().lookupAll(".notification-bar").isEmpty()));
        // Whatever a tab has under it (the Experiments tab's Load into charts at 1260×780), the pointer moving
        // onto the notice hides it, so the click meant for that control reaches it.
        // Within a second or two, well before the 8 s after which it would fade by itself.
        assertTrue(GuiFixture.onFx(popup::isShowing), "the notification is still up before the pointer moves");
        robot.moveTo(new javafx.geometry.Point2D(shownAt.getMinX() + shownAt.getWidth() / 2,
                shownAt.getMinY() + shownAt.getHeight() / 2));
        WaitForAsyncUtils.waitFor(2, java.util.concurrent.TimeUnit.SECONDS, () -> !popup.isShowing());
        robot.moveTo("#train-button");
        // The new run is analysed next; its end is announced the same way, with the same name.
        awaitNotification("Analysis finished");
        assertTrue(notificationWith("Analysis finished").contains(name), notificationWith("Analysis finished").toString());
    }

    @Test
    void aCancelledTrainingIsAnnouncedAsCancelled(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            gui.model.builder().trainSizeProperty().set(2000);
            gui.model.builder().epochsProperty().set(50);
        }).get();
        robot.clickOn("#train-button");
        // The step line of an earlier test's training may still show: wait for this training's Cancel itself.
        javafx.scene.control.Button cancel = robot.lookup("#train-cancel").queryButton();
        GuiFixture.await("the training's Cancel on screen", () -> cancel.isVisible() && !cancel.isDisabled()
                && cancel.getParent() != null && cancel.getParent().isVisible());
        GuiFixture.await("a training step on screen", () -> !gui.model.train().lastStepProperty().get().isEmpty());
        // Fired, not clicked: this test is about the announcement, and where the left panel happens to be scrolled
        // after the other tests (Cancel can sit below its fold at 1260×780) is StableLayoutWindowTest's business.
        WaitForAsyncUtils.asyncFx(cancel::fire).get();
        awaitNotification("Training cancelled");
        assertTrue(notificationWith("Training cancelled").stream().anyMatch(t -> t.endsWith("nothing was saved")));
        assertEquals(List.of(), notifications().stream().filter(t -> t.contains("Training finished")).toList());
    }

    @Test
    void theSeedMeanSwitchTogglesChartOneAndIsSavedInTheSession(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> gui.model.runs().open(List.of(seed3, seed4))).get();
        GuiFixture.await("the seeds to open", () -> !gui.model.busy() && gui.model.runs().runs().size() == 2
                && gui.model.runs().runs().stream().allMatch(r -> r.analysisProperty().get() != null)
                && gui.built.chartsModel().seededProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        ToggleSwitch meanOverSeeds = robot.lookup("#chart-lossdifference-seed-mean").queryAs(ToggleSwitch.class);
        assertTrue(meanOverSeeds.isVisible() && meanOverSeeds.isSelected(), "on by default for seeds of one network");
        List<String> mean = GuiFixture.onFx(() -> gui.built.chartsModel().labels());

        robot.clickOn(robot.lookup("#chart-lossdifference-seed-mean .thumb").<Node>query());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(gui.built.chartsModel().seedMeanProperty().get(), "the switch turns the mean off");
        GuiFixture.await("chart 1 redrawn per run", () -> gui.built.chartsModel().labels().equals(List.of("seed 3", "seed 4")));
        assertNotEquals(mean, List.of("seed 3", "seed 4"), "the mean view names networks, not seeds");
        Path off = tmp.resolve("mean-off.json");
        WaitForAsyncUtils.asyncFx(() -> gui.model.sessionFiles().saveAs(off)).get();
        assertEquals(false, new SessionStore(off).read().orElseThrow().seedMean());

        robot.clickOn(robot.lookup("#chart-lossdifference-seed-mean .thumb").<Node>query());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(gui.built.chartsModel().seedMeanProperty().get(), "a second click turns it on again");
        Path on = tmp.resolve("mean-on.json");
        WaitForAsyncUtils.asyncFx(() -> gui.model.sessionFiles().saveAs(on)).get();
        assertEquals(true, new SessionStore(on).read().orElseThrow().seedMean());

        // Opening the file saved with the switch off turns the switch off.
        WaitForAsyncUtils.asyncFx(() -> gui.model.sessionFiles().open(off)).get();
        GuiFixture.await("the session applied", () -> !gui.model.busy() && !meanOverSeeds.isSelected());
        assertFalse(gui.built.chartsModel().seedMeanProperty().get());
    }
}
