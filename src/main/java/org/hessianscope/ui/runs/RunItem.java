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

    /** Short label: folder name and the spec's L, k, C. */
    public String name() {
        var spec = run.spec();
        return folder.getFileName() + "  (L=" + spec.layers() + ", k=" + spec.conv().get(0).kernel() + ", C="
                + spec.conv().get(0).channels() + ")";
    }

    public BooleanProperty shownProperty() {
        return shown;
    }

    public ReadOnlyObjectProperty<AnalysisResult> analysisProperty() {
        return analysis.getReadOnlyProperty();
    }

    /** Also public for a view that adds a result to the run's analysis.json (the Landscape tab's Compute Δ). */
    public void setAnalysis(AnalysisResult result) {
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
