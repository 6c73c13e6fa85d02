package org.hessianscope.ui.runs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayDeque;
import org.hessianscope.analysis.AnalysisOptions;
import org.hessianscope.analysis.TinyRuns;
import org.hessianscope.data.DatasetCatalog;
import org.hessianscope.run.RunFolder;
import org.hessianscope.run.TrainedRun;
import org.hessianscope.ui.builder.BuilderViewModel;
import org.hessianscope.ui.common.JobViewModel;
import org.hessianscope.ui.common.Messages;
import org.hessianscope.ui.explain.ExplainViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restored session selects a reopened run before the readers have read its weights; the Explain picture of it
 * must then read them off the JavaFX thread (reading them there held it 200 ms at start-up, issue 17) and show
 * the run's own kernel once they are in.
 */
class ListedRunExplainTest {
    @TempDir
    Path tmp;

    @Test
    void theSelectedRunsWeightsAreReadInTheBackgroundAndThenDrawn() throws Exception {
        DatasetCatalog catalog = TinyRuns.embedded(tmp.resolve("no-data"));
        Path dir = TinyRuns.train(tmp.resolve("run"), 2, 40, catalog);
        TrainedRun trained = RunFolder.read(dir);
        Messages messages = new Messages();
        RunsViewModel runs = new RunsViewModel(new JobViewModel(r -> {
            throw new AssertionError("no job expected");
        }, messages), messages, catalog, null, AnalysisOptions.interactive(), Runnable::run);
        RunItem item = RunItem.listed(dir, trained.spec(), trained.info(), 0);
        runs.runs().add(item);
        ArrayDeque<Runnable> background = new ArrayDeque<>();
        ArrayDeque<Runnable> fx = new ArrayDeque<>();
        ExplainViewModel explain = new ExplainViewModel(new BuilderViewModel(), runs, background::add, fx::add);

        runs.selectedProperty().set(item);
        assertFalse(item.weightsRead(), "not read on the thread that selected it");
        while (!background.isEmpty()) {
            background.poll().run();
        }
        assertTrue(item.weightsRead());
        while (!fx.isEmpty()) {
            fx.poll().run();
        }
        ExplainViewModel.Picture p = explain.pictureProperty().get();
        assertNotNull(p);
        // conv1, channels (1, 1): the first k×k weights of the trained run.
        int k = trained.spec().conv().get(0).kernel();
        double[] first = new double[k * k];
        double[] drawn = new double[k * k];
        for (int i = 0; i < k * k; i++) {
            first[i] = trained.weights()[i];
            drawn[i] = p.kernel()[i / k][i % k];
        }
        assertArrayEquals(first, drawn, 0.0);
    }
}
