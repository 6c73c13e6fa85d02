package org.hessianscope.ui.experiment;

import org.hessianscope.ui.common.JobViewModel;
import org.hessianscope.ui.common.Messages;
import org.hessianscope.ui.runs.RunsViewModel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hessianscope.analysis.AnalysisOptions;
import org.hessianscope.analysis.TinyRuns;
import org.hessianscope.experiment.PaperExperiments;
import org.hessianscope.experiment.SweepListener;
import org.hessianscope.experiment.SweepPoint;
import org.hessianscope.experiment.SweepReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Experiments view model without a window or the JavaFX toolkit: opening sweeps, point states, the feed. */
public class ExperimentsViewModelTest {
    /** The tiny two-point layer sweep of the window test; trains in seconds on the embedded MNIST subset. */
    public static final String TINY = """
            name: tiny-layers
            dataset: mnist
            train_size: 128
            epochs: 1
            channels: 2
            kernel: 5
            sweep:
              parameter: layers
              values: [1, 2]
            analysis: {orderings: 10, curvature_samples: 16, lanczos_steps: 6, per_sample_full: 0}
            """;

    @TempDir
    Path tmp;
    final Messages messages = new Messages();

    private ExperimentsViewModel model() {
        JobViewModel noJobs = new JobViewModel(r -> {
            throw new AssertionError("no background work expected");
        }, messages);
        RunsViewModel runs = new RunsViewModel(noJobs, messages, TinyRuns.embedded(tmp.resolve("no-data")), null,
                AnalysisOptions.interactive());
        return new ExperimentsViewModel(noJobs, messages, runs, TinyRuns.embedded(tmp.resolve("no-data")),
                tmp.resolve("runs"), Runnable::run);
    }

    private Path write(String name, String yaml) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void aSweepFileShowsWhatItTrainsAndOnePendingRowPerPoint() throws IOException {
        ExperimentsViewModel vm = model();
        assertTrue(vm.openSweepFile(write("tiny.yaml", TINY)));
        assertEquals("", messages.textProperty().get());
        assertEquals(List.of("1", "2"), vm.rows().stream().map(SweepPointRow::value).toList());
        assertTrue(vm.rows().stream().allMatch(r -> r.stateTextProperty().get().equals("pending")));
        String d = vm.descriptionProperty().get();
        for (String s : List.of("tiny-layers", "dataset mnist", "train size first 128", "1 epoch,", "learning rate 0.001,", "parameter layers",
                "values 1, 2", "network L = swept, C = 2, k = 5, pool none", "pool convention paper")) {
            assertTrue(d.contains(s), "\"" + s + "\" in " + d);
        }
        assertEquals(SweepReport.defaultFolder("tiny-layers"), vm.outputProperty().get());
        assertTrue(vm.canRunProperty().get());
        assertFalse(vm.canLoadProperty().get(), "nothing is done yet");
    }

    @Test
    void aMalformedSweepFileNamesTheFieldAndItsValidValuesInTheMessageBar() throws IOException {
        ExperimentsViewModel vm = model();
        assertFalse(vm.openSweepFile(write("bad.yaml", TINY.replace("parameter: layers", "parameter: depth"))));
        String m = messages.textProperty().get();
        assertTrue(m.contains("bad.yaml") && m.contains("sweep.parameter") && m.contains("\"depth\"")
                && m.contains("layers, kernel, channels"), m);
        assertFalse(m.contains("Exception"), "a message, not a stack trace: " + m);
        assertTrue(messages.errorProperty().get(), "shown as an error");
        assertNull(vm.sweepProperty().get());
        assertTrue(vm.rows().isEmpty());

        assertFalse(vm.openSweepFile(write("typo.yaml", TINY.replace("epochs: 1", "epoch: 1"))));
        assertTrue(messages.textProperty().get().contains("unknown key \"epoch\""), messages.textProperty().get());
    }

    @Test
    void everyPaperFigureOpensFromTheClasspath() {
        ExperimentsViewModel vm = model();
        for (PaperExperiments.Figure f : java.util.stream.Stream.concat(PaperExperiments.FIGURES.stream(),
                PaperExperiments.AUTHORS_VARIANTS.stream()).toList()) {
            assertTrue(vm.openPaperFigure(f), f.id() + ": " + messages.textProperty().get());
            assertEquals(f.id(), vm.sweepProperty().get().name());
            assertEquals(vm.sweepProperty().get().values().size(), vm.rows().size());
        }
        assertEquals("", messages.textProperty().get());
        vm.openPaperFigure(PaperExperiments.find("cifar10-maxpool").orElseThrow());
        assertTrue(vm.descriptionProperty().get().contains("pool max 2×2 at position swept"),
                vm.descriptionProperty().get());
    }

    @Test
    void aFolderWithoutSummaryIsNotAFinishedSweep() {
        ExperimentsViewModel vm = model();
        assertFalse(vm.openFinishedSweep(tmp));
        assertTrue(messages.errorProperty().get());
        assertTrue(messages.textProperty().get().contains("summary.json is missing"), messages.textProperty().get());
    }

    @Test
    void pointStatesReadAsTheTableShowsThem() {
        assertEquals("pending", PointState.PENDING.text());
        assertEquals("checking", PointState.of(PointState.Stage.CHECKING).text());
        assertEquals("training 37%", new PointState(PointState.Stage.TRAINING, 0.37, "").text());
        assertEquals("analysing: curvature 40%", new PointState(PointState.Stage.ANALYSING, 0.4, "curvature").text());
        assertEquals("done — trained", PointState.of(PointState.Stage.TRAINED).text());
        assertEquals("done — reused", PointState.of(PointState.Stage.REUSED).text());
        assertEquals(-1, PointState.of(PointState.Stage.CHECKING).progress(), "indeterminate while checking");
        assertEquals(1, PointState.of(PointState.Stage.REUSED).progress());
        assertEquals("curvature", SweepFeed.step("curvature: Lanczos step 3/6"));
    }

    @Test
    void theFeedQueuesOneHandOverForManyReportsAndDropsReportsAfterClose() throws IOException {
        ExperimentsViewModel vm = model();
        vm.openSweepFile(write("tiny.yaml", TINY));
        List<Runnable> queued = new ArrayList<>();
        List<PointState> seen = new ArrayList<>();
        SweepFeed feed = new SweepFeed(vm.sweepProperty().get(), tmp, queued::add, f -> seen.add(f.state(0)));
        SweepPoint p = vm.sweepProperty().get().points().get(0);
        feed.phase(p, SweepListener.Phase.CHECKING, "abc123");
        for (int i = 1; i <= 100; i++) {
            feed.progress(p, SweepListener.Phase.TRAINING, i, 100, "epoch 1/1");
        }
        assertEquals(1, queued.size(), "one hand-over for 101 reports");
        assertEquals(tmp.resolve("abc123"), feed.folder(0));
        queued.get(0).run();
        assertEquals(List.of(new PointState(PointState.Stage.TRAINING, 1.0, "")), seen, "only the latest state");
        feed.close();
        feed.progress(p, SweepListener.Phase.ANALYSIS, 1, 2, "curvature: x");
        assertEquals(1, queued.size(), "a closed feed hands nothing over");
    }

    @Test
    void aShippedFinishedSweepShowsItsOwnSettingsAndRunNeverWritesIntoTheSampleModels() {
        ExperimentsViewModel vm = model();
        Path samples = Path.of("sample-models").toAbsolutePath();
        vm.setSampleModels(samples);
        assertTrue(vm.openFinishedSweep(samples.resolve("mnist-layers")));
        // The spinners say what the summary's sweep.yaml says (train_size: all, epochs: 10)...
        assertEquals(org.hessianscope.experiment.SweepFile.ALL, vm.trainSizeProperty().get());
        assertEquals(10, vm.epochsProperty().get());
        assertEquals(samples.resolve("mnist-layers"), vm.writtenProperty().get());
        // ...and rerunning it writes to the user's sweeps folder, not over the shipped summary.
        assertEquals(SweepReport.defaultFolder("mnist-layers"), vm.outputProperty().get());

        // A lighter run (the window's fields) goes to a folder of its own, so it replaces nothing.
        vm.trainSizeProperty().set(200);
        vm.epochsProperty().set(1);
        assertEquals(SweepReport.defaultFolder("mnist-layers-200-records-1-epochs"), vm.outputProperty().get());

        // A folder the user chose wins, whatever the settings.
        Path chosen = tmp.resolve("chosen");
        vm.chooseOutput(chosen);
        vm.epochsProperty().set(2);
        assertEquals(chosen, vm.outputProperty().get());
    }

    @Test
    void aFinishedSweepOfTheUsersOwnIsRerunIntoItsFolderUnlessItsSettingsChange() throws IOException {
        Path mine = tmp.resolve("my-results");
        Files.createDirectories(mine);
        for (String f : List.of("summary.json", "sweep.yaml")) {
            Files.copy(Path.of("sample-models", "mnist-layers", f), mine.resolve(f));
        }
        ExperimentsViewModel vm = model();
        vm.setSampleModels(Path.of("sample-models").toAbsolutePath());
        assertTrue(vm.openFinishedSweep(mine));
        assertEquals(mine.toAbsolutePath().normalize(), vm.outputProperty().get(), "redo removed points in place");
        vm.trainSizeProperty().set(600);
        assertEquals(SweepReport.defaultFolder("mnist-layers-600-records-10-epochs"), vm.outputProperty().get());
        vm.trainSizeProperty().set(org.hessianscope.experiment.SweepFile.ALL);
        assertEquals(mine.toAbsolutePath().normalize(), vm.outputProperty().get());
    }

    @Test
    void pointsASparkDriverReportsAsFailedAfterCancelAreShownCancelled() throws IOException {
        ExperimentsViewModel vm = model();
        vm.openSweepFile(write("tiny.yaml", TINY));
        SweepFeed feed = new SweepFeed(vm.sweepProperty().get(), tmp, Runnable::run, f -> { });
        boolean[] cancelled = {false};
        feed.attach(new org.hessianscope.task.ProgressMonitor() {
            public void progress(long done, long total, String message) {
            }

            public boolean isCancelled() {
                return cancelled[0];
            }
        });
        String failed = org.hessianscope.experiment.SweepProgressLine.PREFIX
                + "{\"event\":\"failed\",\"point\":%d,\"value\":\"%d\",\"reason\":\"Job cancelled\"}";
        feed.accept(org.hessianscope.experiment.SweepProgressLine.parse(String.format(failed, 0, 1)).orElseThrow());
        assertEquals(PointState.of(PointState.Stage.FAILED), feed.state(0), "a failure of its own");
        cancelled[0] = true;
        feed.accept(org.hessianscope.experiment.SweepProgressLine.parse(String.format(failed, 1, 2)).orElseThrow());
        assertEquals(PointState.of(PointState.Stage.CANCELLED), feed.state(1), "dropped by the cancel");
    }
}
