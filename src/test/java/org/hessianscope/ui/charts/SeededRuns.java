package org.hessianscope.ui.charts;

import java.nio.file.Path;
import org.hessianscope.analysis.AnalysisOptions;
import org.hessianscope.analysis.AnalysisStore;
import org.hessianscope.analysis.TinyRuns;
import org.hessianscope.experiment.PointResult;
import org.hessianscope.experiment.RunStore;
import org.hessianscope.experiment.SweepFileReader;
import org.hessianscope.experiment.SweepListener;
import org.hessianscope.experiment.SweepReport;
import org.hessianscope.experiment.SweepResult;
import org.hessianscope.experiment.SweepRunner;
import org.hessianscope.figure.SweepFigures;
import org.hessianscope.run.RunFolder;
import org.hessianscope.task.ProgressMonitor;
import org.hessianscope.ui.common.JobViewModel;
import org.hessianscope.ui.common.Messages;
import org.hessianscope.ui.runs.RunsViewModel;

/**
 * A tiny layer sweep (L = 1, 2) trained with seeds 0 and 1 through the run store, its results folder
 * written ({@code summary.json}, the figures): what the seeded charts are tested on.
 *
 * @param result the sweep's points, the first seed's networks then the second's
 * @param out    its results folder
 */
public record SeededRuns(SweepResult result, Path out, Path data) {
    public static final String YAML = """
            name: tiny-seeds
            dataset: mnist
            train_size: 128
            epochs: 1
            channels: 2
            kernel: 5
            seeds: [0, 1]
            sweep:
              parameter: layers
              values: [1, 2]
            analysis: {orderings: 10, curvature_samples: 16, lanczos_steps: 6, per_sample_full: 0}
            """;

    public static SeededRuns train(Path tmp) throws Exception {
        RunStore store = new RunStore(tmp.resolve("store"));
        Path data = tmp.resolve("no-data");
        SweepResult result = new SweepRunner(store, TinyRuns.embedded(data), 1, 1)
                .run(SweepFileReader.parse(YAML, "tiny-seeds.yaml", "tiny-seeds"), SweepListener.NONE, ProgressMonitor.NONE);
        Path out = tmp.resolve("out");
        SweepReport.write(result, store, out, SweepFigures.WRITER);
        return new SeededRuns(result, out, data);
    }

    /** A run list holding the four runs, opened as plain runs (no sweep tags), in sweep order. */
    RunsViewModel runs() throws Exception {
        Messages messages = new Messages();
        RunsViewModel runs = new RunsViewModel(new JobViewModel(r -> {
            throw new AssertionError("no background work expected");
        }, messages), messages, TinyRuns.embedded(data), null, AnalysisOptions.interactive(), Runnable::run);
        for (PointResult p : result.points()) {
            Path dir = p.run().folder();
            runs.add(dir, RunFolder.read(dir), AnalysisStore.read(dir).orElseThrow());
        }
        return runs;
    }
}
