package org.hessianscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.hessianscope.figure.RunCaption;
import org.hessianscope.run.RunFolder;
import org.hessianscope.ui.runs.RunItem;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Lesson mode (issue 17, "training as a lesson"), driven through its buttons and keys in the real
 * window: a one-layer, two-channel network on the first 200 embedded records, so an epoch is four
 * batches (64, 64, 64, 8) and every checkpoint's label is known in advance.
 */
@ExtendWith(ApplicationExtension.class)
public class LessonWindowTest {
    /** How long a paused training is watched for a batch it must not run. */
    static final long WATCH_MILLIS = 1500;
    @TempDir
    static Path tmp;
    GuiFixture gui;

    @Start
    void start(Stage stage) {
        gui = GuiFixture.fresh(stage, tmp);
        var b = gui.model.builder();
        b.layersProperty().set(1);
        b.channelsProperty().set(2);
        b.trainSizeProperty().set(200);
        b.epochsProperty().set(2);
    }

    @AfterEach
    void close() throws Exception {
        gui.close();
    }

    private String lastStep() throws Exception {
        return GuiFixture.onFx(() -> gui.model.train().lastStepProperty().get());
    }

    /** Waits until the charts were brought up to date for {@code label}, the run list's lesson named by it. */
    private void awaitCharts(String label) throws Exception {
        GuiFixture.await("the charts of " + label, () -> ("charts show " + label)
                .equals(gui.model.train().lesson().shownProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private RunItem lessonItem() throws Exception {
        List<RunItem> lessons = GuiFixture.onFx(() -> gui.model.runs().runs().stream().filter(RunItem::lesson).toList());
        assertEquals(1, lessons.size(), "lesson items in the run list");
        return lessons.get(0);
    }

    /** Chart 2's caption and chart 1's legend both name the checkpoint. */
    private void assertChartsLabelled(String label) throws Exception {
        JFreeChart spectrum = GuiFixture.onFx(() -> gui.built.chartsModel().spectrumProperty().get());
        assertNotNull(spectrum, "chart 2 drawn");
        String caption = RunCaption.of(spectrum);
        assertTrue(caption != null && caption.endsWith(" · " + label), "chart 2 caption: " + caption);
        JFreeChart loss = GuiFixture.onFx(() -> gui.built.chartsModel().lossDifferenceProperty().get());
        assertNotNull(loss, "chart 1 drawn");
        List<String> legend = GuiFixture.onFx(() -> {
            var items = loss.getXYPlot().getLegendItems();
            return java.util.stream.IntStream.range(0, items.getItemCount()).mapToObj(items::get)
                    .map(LegendItem::getLabel).toList();
        });
        assertTrue(legend.stream().anyMatch(l -> l.contains(label)), "chart 1 legend: " + legend);
    }

    /** No batch runs for a while: the last-step line stays {@code expected}. */
    private void assertStaysAt(String expected) throws Exception {
        long until = System.nanoTime() + WATCH_MILLIS * 1_000_000;
        while (System.nanoTime() < until) {
            assertEquals(expected, lastStep());
            Thread.sleep(100);
        }
        assertTrue(gui.model.train().job().runningProperty().get(), "the training still runs (paused)");
    }

    @Test
    void pauseStopsBatchesStepsAdvanceExactlyOneBatchOrEpochAndTheChartsFollowEach(FxRobot robot) throws Exception {
        robot.clickOn("#lesson-mode");
        robot.clickOn("#train-button");
        awaitCharts("initial weights");
        assertEquals("Play", robot.lookup("#lesson-play").queryButton().getText());
        assertChartsLabelled("initial weights");
        JFreeChart atStart = GuiFixture.onFx(() -> gui.built.chartsModel().spectrumProperty().get());
        assertStaysAt(""); // paused before the first batch

        robot.clickOn("#lesson-step-batch");
        awaitCharts("epoch 1, batch 1/4 (step 1)");
        assertTrue(lastStep().startsWith("epoch 1/2, batch 1/4:"), lastStep());
        assertChartsLabelled("epoch 1, batch 1/4 (step 1)");
        assertNotSame(atStart, GuiFixture.onFx(() -> gui.built.chartsModel().spectrumProperty().get()));
        assertStaysAt(lastStep());

        robot.type(KeyCode.F6); // Step batch by its key
        awaitCharts("epoch 1, batch 2/4 (step 2)");
        assertTrue(lastStep().startsWith("epoch 1/2, batch 2/4:"), lastStep());

        robot.clickOn("#lesson-step-epoch"); // to the end of epoch 1
        awaitCharts("epoch 1, batch 4/4 (step 4)");
        assertTrue(lastStep().startsWith("epoch 1/2, batch 4/4:"), lastStep());
        assertChartsLabelled("epoch 1, batch 4/4 (step 4)");
        assertStaysAt(lastStep());

        // The last epoch played through: the training finishes and is saved as any run, the lesson item leaves.
        robot.clickOn("#lesson-play");
        GuiFixture.await("the lesson's run to be saved", () -> !gui.model.train().job().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        List<RunItem> listed = GuiFixture.onFx(() -> List.copyOf(gui.model.runs().runs()));
        assertEquals(1, listed.size());
        assertFalse(listed.get(0).lesson());
        assertTrue(Files.isRegularFile(listed.get(0).folder().resolve(RunFolder.INFO)), "run.json written");
        assertEquals(8, listed.get(0).run().history().size(), "two epochs of four batches");
        assertEquals("Play", robot.lookup("#lesson-play").queryButton().getText());
    }

    @Test
    void eachLessonButtonsTooltipNamesItsShortcut(FxRobot robot) {
        var keys = java.util.Map.of("#lesson-play", org.hessianscope.ui.shortcuts.Shortcuts.LESSON_PLAY_PAUSE,
                "#lesson-step-batch", org.hessianscope.ui.shortcuts.Shortcuts.LESSON_STEP_BATCH,
                "#lesson-step-epoch", org.hessianscope.ui.shortcuts.Shortcuts.LESSON_STEP_EPOCH,
                "#lesson-reset", org.hessianscope.ui.shortcuts.Shortcuts.LESSON_RESET);
        keys.forEach((id, k) -> {
            String tip = robot.lookup(id).queryButton().getTooltip().getText();
            assertTrue(tip.endsWith("(" + k.getDisplayText() + ")."), id + ": " + tip);
        });
    }

    @Test
    void resetStartsAgainFromTheInitialWeightsAndSavesNothing(FxRobot robot) throws Exception {
        java.util.List<String> notices = new java.util.concurrent.CopyOnWriteArrayList<>();
        GuiFixture.onFx(() -> {
            gui.model.messages().noticeProperty().addListener((o, was, n) -> notices.add(n == null ? "" : n.title()));
            return null;
        });
        robot.clickOn("#lesson-mode");
        robot.clickOn("#lesson-step-batch"); // starts the lesson with one batch
        awaitCharts("epoch 1, batch 1/4 (step 1)");
        RunItem first = lessonItem();
        robot.clickOn("#lesson-reset");
        awaitCharts("initial weights");
        // The reset cancels the lesson only to start it again: nothing announces a cancelled training.
        assertFalse(notices.contains("Training cancelled"), "notices after Reset: " + notices);
        RunItem second = lessonItem();
        assertNotSame(first, second, "a new run");
        assertArrayEqualsOnFx(second);
        assertStaysAt("");
        assertTrue(gui.model.train().lesson().activeProperty().get());
        assertFalse(Files.exists(gui.folder.resolve("runs")) && Files.list(gui.folder.resolve("runs"))
                .anyMatch(d -> Files.isRegularFile(d.resolve(RunFolder.INFO))), "reset saved the dropped run");
    }

    /** The lesson's analysis after reset is of the seed's initial weights (its item's start). */
    private void assertArrayEqualsOnFx(RunItem item) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(item.run().init(), item.run().weights());
    }

    @Test
    void cancelWhilePausedStopsTheTrainingAndSavesNothing(FxRobot robot) throws Exception {
        robot.clickOn("#lesson-mode");
        robot.clickOn("#train-button");
        awaitCharts("initial weights");
        robot.type(KeyCode.ESCAPE);
        GuiFixture.await("the paused training to stop", () -> !gui.model.train().job().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(GuiFixture.onFx(() -> gui.model.runs().runs().isEmpty()), "the lesson item left, nothing saved");
        assertFalse(gui.model.train().lesson().activeProperty().get());
        assertEquals("", lastStep());
    }
}
