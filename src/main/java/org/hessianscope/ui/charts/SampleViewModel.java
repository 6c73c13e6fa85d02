package org.hessianscope.ui.charts;

import org.hessianscope.ui.common.BackgroundTask;
import org.hessianscope.ui.common.JobViewModel;
import org.hessianscope.ui.runs.RunItem;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.hessianscope.analysis.AnalysisResult;
import org.hessianscope.analysis.RunTrainingSet;
import org.hessianscope.data.DataLocations;
import org.hessianscope.data.Dataset;
import org.hessianscope.data.DatasetCatalog;

/**
 * The sample clicked in chart 4: its image, true label, prediction and loss. The run's
 * training records found here are read in the background once per run and kept for further
 * clicks. A sample model trained on all 60,000 records still shows the samples the embedded
 * subset holds (its first 10,000, the same records); for the others the user names a data
 * folder (File → Data folder…), which the session remembers.
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
    /** Why the clicked sample cannot be shown, or "" ; the sample panel shows it instead of an image. */
    private final ReadOnlyStringWrapper missing = new ReadOnlyStringWrapper("");
    /** The folder holding full datasets, or null for the searched folders and the embedded subsets. */
    private final ObjectProperty<Path> dataFolder = new SimpleObjectProperty<>();
    /** The last click; a read that finishes after another run was selected shows nothing. */
    private RunItem wanted;

    public SampleViewModel(JobViewModel job, DatasetCatalog catalog) {
        this.job = job;
        this.catalog = catalog;
        // Records read from the old folder may be fewer than the new one holds.
        dataFolder.addListener((o, was, now) -> loaded.clear());
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
        DatasetCatalog from = catalog();
        job.run(BackgroundTask.of("read the samples of " + run.folder().getFileName(),
                        m -> RunTrainingSet.loadAvailable(run.folder(), run.info(), from))
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
        missing.set("");
        shown.set(null);
    }

    /** The catalog with the user's data folder first, when one is set. */
    private DatasetCatalog catalog() {
        Path folder = dataFolder.get();
        if (folder == null) {
            return catalog;
        }
        DataLocations l = catalog.locations();
        return new DatasetCatalog(new DataLocations(folder, l.environmentDataDir(), l.userDatasets(), l.systemDatasets()));
    }

    private void publish(RunItem run, int index, AnalysisResult a, Dataset d) {
        if (index >= d.size()) {
            shown.set(null);
            missing.set(String.format(java.util.Locale.ROOT, "Sample %d is not among the %d records of %s found here "
                    + "(%s); choose File → Data folder… holding the full %s.", index, d.size(), d.name().key(),
                    d.source(), d.name().key()));
            return;
        }
        missing.set("");
        var shape = d.inputShape();
        shown.set(new Shown(run.folder().getFileName().toString(), index, d.rawImage(index), shape.channels(),
                shape.height(), shape.width(), a.labels()[index], a.predictions()[index], a.losses()[index]));
    }

    public ReadOnlyStringProperty missingProperty() {
        return missing.getReadOnlyProperty();
    }

    public ObjectProperty<Path> dataFolderProperty() {
        return dataFolder;
    }

    public ReadOnlyObjectProperty<Shown> shownProperty() {
        return shown.getReadOnlyProperty();
    }
}
