package org.hessianscope.ui.charts;

import org.hessianscope.ui.common.BackgroundTask;
import org.hessianscope.ui.common.JobViewModel;
import org.hessianscope.ui.runs.RunItem;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.hessianscope.analysis.AnalysisResult;
import org.hessianscope.analysis.RunTrainingSet;
import org.hessianscope.data.Dataset;
import org.hessianscope.data.DatasetCatalog;

/**
 * The sample clicked in chart 4: its image, true label, prediction and loss. The run's
 * training set is read in the background once per run and kept for further clicks.
 */
public final class SampleViewModel {

    /** A sample ready to draw: raw pixels (0..255) in (channel, row, column) order. */
    public record Shown(String run, int index, int[] pixels, int channels, int height, int width, int label,
                        int prediction, double loss) {
        public String description() {
            return String.format(java.util.Locale.ROOT, "%s, sample %d: label %d, predicted %d%s, loss %.4g", run,
                    index, label, prediction, label == prediction ? "" : " (misclassified)", loss);
        }
    }

    private final JobViewModel job;
    private final DatasetCatalog catalog;
    private final Map<Path, Dataset> loaded = new HashMap<>();
    private final ReadOnlyObjectWrapper<Shown> shown = new ReadOnlyObjectWrapper<>();
    /** The last click; a read that finishes after another run was selected shows nothing. */
    private RunItem wanted;

    public SampleViewModel(JobViewModel job, DatasetCatalog catalog) {
        this.job = job;
        this.catalog = catalog;
    }

    public void show(RunItem run, int index) {
        AnalysisResult a = run.analysisProperty().get();
        if (a == null || index < 0 || index >= a.n()) {
            return;
        }
        wanted = run;
        Dataset cached = loaded.get(run.folder());
        if (cached != null) {
            publish(run, index, a, cached);
            return;
        }
        job.run(BackgroundTask.of("read the samples of " + run.folder().getFileName(),
                        m -> RunTrainingSet.load(run.folder(), run.run().info(), catalog))
                .onSuccess(d -> {
                    loaded.put(run.folder(), d);
                    if (wanted == run) {
                        publish(run, index, a, d);
                    }
                }));
    }

    /** Forgets the shown sample: another run was selected, and its chart 4 has other points. */
    public void clear() {
        wanted = null;
        shown.set(null);
    }

    private void publish(RunItem run, int index, AnalysisResult a, Dataset d) {
        var shape = d.inputShape();
        shown.set(new Shown(run.folder().getFileName().toString(), index, d.rawImage(index), shape.channels(),
                shape.height(), shape.width(), a.labels()[index], a.predictions()[index], a.losses()[index]));
    }

    public ReadOnlyObjectProperty<Shown> shownProperty() {
        return shown.getReadOnlyProperty();
    }
}
