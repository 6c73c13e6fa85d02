package org.hessianscope.ui;

import static org.hessianscope.ui.GuiFixture.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.hessianscope.experiment.PaperExperiments;
import org.hessianscope.experiment.SweepListener;
import org.hessianscope.experiment.SweepPoint;
import org.hessianscope.experiment.SweepProgressLine;
import org.hessianscope.experiment.SweepSummary;
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
 * The Experiments tab submitting a sweep to a Spark master typed in its field: the window runs
 * a launcher process and shows the progress lines it prints. The launcher here is a fake (a
 * shell script printing the lines {@code sweep --progress-lines} prints), so no Spark is needed;
 * the real launcher on a real cluster is tested in the spark/ module.
 */
@ExtendWith(ApplicationExtension.class)
public class ExperimentsSparkWindowTest {
    private static final Path SAMPLE = Path.of("sample-models", "mnist-kernel");
    @TempDir
    static Path tmp;
    Path dir;
    GuiFixture gui;
    ExperimentsViewModel vm;

    @Start
    void start(Stage stage) {
        gui = GuiFixture.fresh(stage, tmp);
        dir = gui.folder;
        vm = gui.model.experiments();
    }

    @AfterEach
    void close() throws Exception {
        gui.close();
    }

    /** A launcher that records its arguments, prints {@code lines} a little apart, then runs {@code tail} (sh). */
    private Path fakeLauncher(List<String> lines, String tail) throws Exception {
        Files.createDirectories(dir);
        Path printed = dir.resolve("lines.txt");
        Files.write(printed, lines);
        Path script = dir.resolve("fake-hessianscope");
        Files.writeString(script, "#!/bin/sh\n"
                + "echo \"$@\" > '" + dir.resolve("args.txt") + "'\n"
                + "echo $$ > '" + dir.resolve("launcher.pid") + "'\n"
                + "out=''; prev=''; for a in \"$@\"; do [ \"$prev\" = --out ] && out=\"$a\"; prev=\"$a\"; done\n"
                + "echo 'sweep mnist-kernel: kernel = [2, 3, 4, 5] on Spark'\n"
                + "while IFS= read -r line; do echo \"$line\"; sleep 0.3; done < '" + printed + "'\n"
                + tail + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private void openMnistKernelWithSpark(Path launcher, Path out) throws Exception {
        PaperExperiments.Figure kernel = PaperExperiments.FIGURES.stream()
                .filter(f -> f.id().equals("mnist-kernel")).findFirst().orElseThrow();
        WaitForAsyncUtils.asyncFx(() -> {
            gui.showTab("Experiments");
            assertTrue(vm.openPaperFigure(kernel));
            vm.outputProperty().set(out);
            vm.launcherProperty().set(launcher);
        }).get();
    }

    private static SweepPoint point(int i) {
        return new SweepPoint(i, String.valueOf(i + 2), null, 0);
    }

    @Test
    void aSweepSubmittedToAMasterShowsEachPointsProgressFromTheLauncherAndItsSummary(FxRobot robot) throws Exception {
        assumeTrue(Files.isRegularFile(SAMPLE.resolve(SweepSummary.JSON_FILE)), "needs the shipped sample models");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            lines.add(SweepProgressLine.phase(point(i), SweepListener.Phase.TRAINING, "as a Spark task on executor "
                    + i % 2 + " (127.0.0.1), attempt 1").format());
            lines.add(SweepProgressLine.progress(point(i), SweepListener.Phase.TRAINING, 5, 10, "epoch 1/10").format());
            lines.add(SweepProgressLine.progress(point(i), SweepListener.Phase.ANALYSIS, 3, 6, "curvature: lanczos 3/6")
                    .format());
            lines.add("[" + (i + 1) + "/4 kernel=" + (i + 2) + "] trained, analysed: …");
            lines.add(new SweepProgressLine(SweepProgressLine.FINISHED, i, String.valueOf(i + 2), "", 0, 0, "",
                    SAMPLE.resolve("runs").toAbsolutePath().toString(), false).format());
        }
        lines.add(SweepProgressLine.done(4, 4, "out").format());
        Path launcher = fakeLauncher(lines, "cp '" + SAMPLE.resolve(SweepSummary.JSON_FILE).toAbsolutePath()
                + "' \"$out/\"; exit 0");
        Path out = dir.resolve("results");
        openMnistKernelWithSpark(launcher, out);
        List<String> seen = new ArrayList<>();
        robot.interact(() -> vm.rows().forEach(r -> r.stateTextProperty().addListener((o, a, b) -> seen.add(b))));

        robot.clickOn("#experiments-spark").write("spark://127.0.0.1:7077");
        assertEquals("spark://127.0.0.1:7077", onFx(() -> vm.sparkMasterProperty().get()));
        robot.clickOn("#experiments-run");
        GuiFixture.await("the submitted sweep to end", () -> !vm.job().runningProperty().get()
                && vm.rows().stream().noneMatch(r -> r.state().open()));
        WaitForAsyncUtils.waitForFxEvents();

        String message = gui.model.messages().textProperty().get();
        assertEquals(List.of("done — reused", "done — reused", "done — reused", "done — reused"), gui.pointStates(), message);
        assertTrue(seen.contains("training 50%"), "training progress from the lines: " + seen);
        assertTrue(seen.contains("analysing: curvature 50%"), "analysis progress from the lines: " + seen);
        assertTrue(message.contains("on Spark spark://127.0.0.1:7077") && message.contains("4 points"), message);
        // The numbers come from the summary the process wrote.
        SweepSummary summary = SweepSummary.read(SAMPLE);
        for (int i = 0; i < 4; i++) {
            int k = i;
            assertEquals(summary.rows().get(i).testAccuracy(), onFx(() -> vm.rows().get(k).numbers().testAccuracy()),
                    0.0);
        }
        assertEquals(out, onFx(() -> vm.writtenProperty().get()));
        String args = Files.readString(dir.resolve("args.txt")).strip();
        assertTrue(args.startsWith("sweep ") && args.endsWith(" --spark spark://127.0.0.1:7077 --store "
                + dir.resolve("runs").toAbsolutePath() + " --out " + out.toAbsolutePath() + " --progress-lines"), args);
    }

    @Test
    void cancelEndsTheLauncherAndItsChildrenAndMarksTheOpenPointsCancelled(FxRobot robot) throws Exception {
        List<String> lines = List.of(
                SweepProgressLine.phase(point(0), SweepListener.Phase.TRAINING, "on executor 0").format(),
                new SweepProgressLine(SweepProgressLine.FINISHED, 0, "2", "", 0, 0, "",
                        dir.resolve("runs").resolve("a-run").toAbsolutePath().toString(), true).format(),
                SweepProgressLine.phase(point(1), SweepListener.Phase.TRAINING, "on executor 1").format(),
                SweepProgressLine.progress(point(1), SweepListener.Phase.TRAINING, 1, 10, "epoch 1/10").format());
        // The launcher's child stands for the JVM bin/hessianscope starts; it would run for ten minutes.
        Path launcher = fakeLauncher(lines, "sleep 600 & echo $! > '" + dir.resolve("child.pid") + "'; wait");
        Path out = dir.resolve("results");
        openMnistKernelWithSpark(launcher, out);
        robot.interact(() -> vm.sparkMasterProperty().set("local[2]"));
        robot.clickOn("#experiments-run");
        GuiFixture.await("point 2 training on Spark, the child started", () -> Files.exists(dir.resolve("child.pid"))
                && vm.rows().get(1).stateTextProperty().get().startsWith("training"));
        assertEquals("done — trained", gui.pointStates().get(0));

        robot.clickOn("#sweep-cancel");
        GuiFixture.await("the cancelled sweep to stop", () -> !vm.job().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("done — trained", "cancelled", "cancelled", "cancelled"), gui.pointStates());
        for (String pid : List.of("launcher.pid", "child.pid")) {
            long p = Long.parseLong(Files.readString(dir.resolve(pid)).strip());
            ProcessHandle.of(p).ifPresent(h -> h.onExit().orTimeout(10, TimeUnit.SECONDS).join());
            assertFalse(ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false), pid + " " + p + " was ended");
        }
        String message = gui.model.messages().textProperty().get();
        assertTrue(message.contains("cancelled") && message.contains("1 of 4 points are done"), message);
        assertFalse(Files.exists(out.resolve(SweepSummary.JSON_FILE)), "a cancelled sweep writes no summary");
        assertTrue(onFx(() -> vm.canRunProperty().get()), "Run can resume it");
    }
}
