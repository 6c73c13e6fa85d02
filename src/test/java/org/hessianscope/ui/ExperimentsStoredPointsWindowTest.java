package org.hessianscope.ui;

import static org.hessianscope.ui.GuiFixture.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.hessianscope.experiment.PaperExperiments;
import org.hessianscope.ui.experiment.ExperimentsViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 17, defect 18: Paper figures → mnist-kernel finds its four networks in the shipped
 * sample models (only the analysis settings differ) and offers a re-analysis; the window says
 * what Run would do and how long it takes, and lets the user lower the training-set size and epochs.
 */
@ExtendWith(ApplicationExtension.class)
public class ExperimentsStoredPointsWindowTest {
    private static final Path SAMPLES = Path.of("sample-models");
    @TempDir
    static Path tmp;
    GuiFixture gui;
    ExperimentsViewModel vm;

    @Start
    void start(Stage stage) {
        gui = GuiFixture.fresh(stage, tmp);
        vm = gui.model.experiments();
        vm.setSampleModels(SAMPLES);
    }

    @AfterEach
    void close() throws Exception {
        gui.close();
    }

    private String estimate(FxRobot robot) throws Exception {
        return onFx(() -> robot.lookup("#experiments-estimate").queryAs(Label.class).getText());
    }

    /** Replaces the field's text by typing, as a user does, and presses Enter. */
    private static void typeTrainSize(FxRobot robot, String text) {
        robot.interact(() -> {
            TextField f = robot.lookup("#experiments-train-size").queryAs(TextField.class);
            f.requestFocus();
            f.selectAll();
        });
        robot.write(text).type(KeyCode.ENTER);
    }

    @Test
    void thePapersKernelSweepIsStoredInTheSampleModelsAndRunSaysWhatItWouldDo(FxRobot robot) throws Exception {
        assumeTrue(Files.isDirectory(SAMPLES.resolve("mnist-kernel").resolve("runs")), "needs the shipped sample models");
        PaperExperiments.Figure kernel = PaperExperiments.FIGURES.stream().filter(f -> f.id().equals("mnist-kernel"))
                .findFirst().orElseThrow();
        robot.interact(() -> {
            gui.showTab("Experiments");
            assertTrue(vm.openPaperFigure(kernel));
        });
        List<String> reanalyse = Collections.nCopies(4, "stored — Run re-analyses it");
        assertEquals(reanalyse, gui.pointStates(), "matched by training key although the analysis settings differ");
        assertEquals("mnist-L4-C6-k2-s0-81867302780f", onFx(() -> vm.rows().get(0).folderNameProperty().get()));
        String full = estimate(robot);
        assertTrue(full.startsWith("Run: trains none of the 4 networks, re-analyses 4 stored; analysis ≈ "), full);

        // Fewer epochs is another training: nothing is stored, and the estimate counts four trainings.
        robot.interact(() -> robot.lookup("#experiments-epochs").queryAs(Spinner.class).getValueFactory().setValue(2));
        assertEquals(2, onFx(() -> vm.epochsProperty().get()));
        assertEquals(Collections.nCopies(4, "pending"), gui.pointStates());
        String two = estimate(robot);
        assertTrue(two.startsWith("Run: trains 4 of 4 networks (60000 records, 2 epochs, ≈ "), two);
        robot.interact(() -> robot.lookup("#experiments-epochs").queryAs(Spinner.class).getValueFactory().setValue(10));
        assertEquals(reanalyse, gui.pointStates(), "back to the stored training");

        // A smaller training set, typed in the window.
        typeTrainSize(robot, "1000");
        assertEquals(1000, onFx(() -> vm.trainSizeProperty().get()));
        assertEquals(Collections.nCopies(4, "pending"), gui.pointStates());
        assertTrue(estimate(robot).startsWith("Run: trains 4 of 4 networks (1000 records, 10 epochs, ≈ "),
                estimate(robot));
        assertEquals(1000, onFx(() -> vm.effectiveSweep().trainSize()), "Run trains on the first 1000");
        assertEquals(10, onFx(() -> vm.effectiveSweep().training().epochs()));

        typeTrainSize(robot, "lots");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1000, onFx(() -> vm.trainSizeProperty().get()), "a bad size is refused");
        assertEquals("1000", onFx(() -> robot.lookup("#experiments-train-size").queryAs(TextField.class).getText()));
        String bar = gui.model.messages().textProperty().get();
        assertTrue(bar.contains("\"lots\"") && bar.contains("\"all\""), bar);
    }
}
