package org.hessianscope.ui.runs;

import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.paint.Color;
import org.hessianscope.analysis.AnalysisResult;
import org.hessianscope.figure.Palette;
import org.hessianscope.run.TrainedRun;

/** One loaded run: its folder, colour, whether it is compared, and its analysis once known. */
public final class RunItem {
    private final Path folder;
    private final TrainedRun run;
    private final int colourIndex;
    private final BooleanProperty shown = new SimpleBooleanProperty(true);
    private final ReadOnlyObjectWrapper<AnalysisResult> analysis = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SweepTag> tag = new ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyBooleanWrapper reading = new javafx.beans.property.ReadOnlyBooleanWrapper();
    /** A lesson's training in progress: where it stands ("epoch 1, batch 3/16 (step 3)"); null for a finished run. */
    private final javafx.beans.property.ReadOnlyStringWrapper stage = new javafx.beans.property.ReadOnlyStringWrapper();

    RunItem(Path folder, TrainedRun run, int colourIndex, AnalysisResult analysis) {
        this.folder = folder;
        this.run = run;
        this.colourIndex = colourIndex;
        this.analysis.set(analysis);
    }

    public Path folder() {
        return folder;
    }

    public TrainedRun run() {
        return run;
    }

    /** Index into the figure package's {@link Palette}: the run's colour in every chart. */
    public int colourIndex() {
        return colourIndex;
    }

    public Color colour() {
        java.awt.Color c = Palette.colour(colourIndex);
        return Color.rgb(c.getRed(), c.getGreen(), c.getBlue());
    }

    /** Short label: folder name and the spec's L, k, C, and where a lesson's training stands. */
    public String name() {
        var spec = run.spec();
        return folder.getFileName() + "  (L=" + spec.layers() + ", k=" + spec.conv().get(0).kernel() + ", C="
                + spec.conv().get(0).channels() + ")" + RunLabels.stageSuffix(this);
    }

    /**
     * Where the lesson's training stood when the analysis shown was made ("epoch 1, batch 3/16 (step 3)");
     * null for a run read from or written to its folder. Every label of the run ends with it.
     */
    public javafx.beans.property.ReadOnlyStringProperty stageProperty() {
        return stage.getReadOnlyProperty();
    }

    /** True for a lesson's training in progress, which has no folder on disk yet. */
    public boolean lesson() {
        return stage.get() != null;
    }

    void setStage(String where) {
        stage.set(where);
    }

    public BooleanProperty shownProperty() {
        return shown;
    }

    public ReadOnlyObjectProperty<AnalysisResult> analysisProperty() {
        return analysis.getReadOnlyProperty();
    }

    void setAnalysis(AnalysisResult result) {
        analysis.set(result);
    }

    /** True while the stored analysis.json is read in the background: the run is listed, its charts follow. */
    public javafx.beans.property.ReadOnlyBooleanProperty readingProperty() {
        return reading.getReadOnlyProperty();
    }

    void setReading(boolean now) {
        reading.set(now);
    }

    /** The sweep point this run was loaded as, or null: labels it by its swept value in the charts. */
    ReadOnlyObjectProperty<SweepTag> tagProperty() {
        return tag.getReadOnlyProperty();
    }

    public SweepTag tag() {
        return tag.get();
    }

    void setTag(SweepTag t) {
        tag.set(t);
    }

    @Override
    public String toString() {
        return name();
    }
}
