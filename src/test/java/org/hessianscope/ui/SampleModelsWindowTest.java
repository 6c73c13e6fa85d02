package org.hessianscope.ui;

import org.hessianscope.ui.experiment.ExperimentsViewModelTest;
import org.hessianscope.ui.runs.RunItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.Stage;
import org.hessianscope.analysis.TinyRuns;
import org.hessianscope.experiment.PortableSweep;
import org.hessianscope.experiment.RunStore;
import org.hessianscope.experiment.SweepFileReader;
import org.hessianscope.experiment.SweepListener;
import org.hessianscope.experiment.SweepReport;
import org.hessianscope.experiment.SweepResult;
import org.hessianscope.experiment.SweepRunner;
import org.hessianscope.figure.SweepFigures;
import org.hessianscope.task.ProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** On a first start (no session yet) the shipped sample sweep opens by itself and fills the charts. */
@ExtendWith(ApplicationExtension.class)
public class SampleModelsWindowTest {
    @TempDir
    static Path tmp;
    static Path samples;
    GuiFixture gui;

    @BeforeAll
    static void shipATinySweep() throws Exception {
        var sweep = SweepFileReader.parse(ExperimentsViewModelTest.TINY,
                "tiny.yaml", "tiny-layers");
        RunStore store = new RunStore(tmp.resolve("store"));
        SweepResult r = new SweepRunner(store, TinyRuns.embedded(tmp.resolve("no-data")), 1, 2)
                .run(sweep, SweepListener.NONE, ProgressMonitor.NONE);
        Path results = tmp.resolve("results");
        SweepReport.write(r, store, results, SweepFigures.WRITER);
        samples = tmp.resolve("sample-models");
        PortableSweep.export(results, samples.resolve("mnist-layers"));
        // The store is gone, as on a user's machine: only the shipped copy remains.
        org.hessianscope.io.AtomicFiles.deleteTree(tmp.resolve("store"));
    }

    @Start
    void start(Stage stage) {
        Path dir = tmp.resolve("app");
        gui = new GuiFixture(stage, dir, dir.resolve("session.json"), List.of(), samples);
    }

    @AfterEach
    void close() throws Exception {
        gui.close();
    }

    @Test
    void firstStartShowsTheSampleSweepInTheCharts() throws Exception {
        GuiFixture.await("the sample runs in the charts", () -> gui.built.chartsModel().labels().size() == 2
                && !gui.model.busy());
        assertEquals(List.of("1", "2"), WaitForAsyncUtils.asyncFx(() -> gui.built.chartsModel().labels()).get());
        List<Path> folders = WaitForAsyncUtils.asyncFx(() -> gui.model.runs().runs().stream()
                .map(RunItem::folder).toList()).get();
        assertEquals(2, folders.size());
        for (Path f : folders) {
            assertTrue(f.startsWith(samples.resolve("mnist-layers").resolve(PortableSweep.RUNS).toAbsolutePath()), f.toString());
            assertTrue(Files.isRegularFile(f.resolve("analysis.json")));
        }
    }
}
