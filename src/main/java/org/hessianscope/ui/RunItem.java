package org.hessianscope.ui;

import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.paint.Color;
import org.hessianscope.analysis.AnalysisResult;
import org.hessianscope.run.TrainedRun;

/** One loaded run: its folder, colour, whether it is compared, and its analysis once known. */
public final class RunItem {
    private final Path folder;
    private final TrainedRun run;
    private final Color colour;
    private final BooleanProperty shown = new SimpleBooleanProperty(true);
    private final ReadOnlyObjectWrapper<AnalysisResult> analysis = new ReadOnlyObjectWrapper<>();

    RunItem(Path folder, TrainedRun run, Color colour, AnalysisResult analysis) {
        this.folder = folder;
        this.run = run;
        this.colour = colour;
        this.analysis.set(analysis);
    }

    public Path folder() {
        return folder;
    }

    public TrainedRun run() {
        return run;
    }

    public Color colour() {
        return colour;
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

    void setAnalysis(AnalysisResult result) {
        analysis.set(result);
    }

    @Override
    public String toString() {
        return name();
    }
}
