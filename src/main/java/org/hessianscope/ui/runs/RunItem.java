package org.hessianscope.ui.runs;

import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.paint.Color;
import org.hessianscope.analysis.AnalysisResult;
import org.hessianscope.figure.Palette;
import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.run.RunFolder;
import org.hessianscope.run.RunInfo;
import org.hessianscope.run.TrainedRun;

/** One loaded run: its folder, colour, whether it is compared, and its analysis once known. */
public final class RunItem {
    private final Path folder;
    private final ArchitectureSpec spec;
    private final RunInfo info;
    /** Null until first needed for a run listed from its spec.json and run.json ({@link #listed}). */
    private TrainedRun run;
    private final int colourIndex;
    private final BooleanProperty shown = new SimpleBooleanProperty(true);
    private final ReadOnlyObjectWrapper<AnalysisResult> analysis = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SweepTag> tag = new ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyBooleanWrapper reading = new javafx.beans.property.ReadOnlyBooleanWrapper();
    /** A lesson's training in progress: where it stands ("epoch 1, batch 3/16 (step 3)"); null for a finished run. */
    private final javafx.beans.property.ReadOnlyStringWrapper stage = new javafx.beans.property.ReadOnlyStringWrapper();

    RunItem(Path folder, TrainedRun run, int colourIndex, AnalysisResult analysis) {
        this(folder, run.spec(), run.info(), run, colourIndex, analysis);
    }

    private RunItem(Path folder, ArchitectureSpec spec, RunInfo info, TrainedRun run, int colourIndex,
                    AnalysisResult analysis) {
        this.folder = folder;
        this.spec = spec;
        this.info = info;
        this.run = run;
        this.colourIndex = colourIndex;
        this.analysis.set(analysis);
    }

    /**
     * A run listed from its spec.json and run.json alone: its weights, initial weights and history
     * (about 0.4 MB per sample run) are read on first {@link #run()}, which the analysis reader does
     * off the JavaFX thread, so reopening eight runs lists them without reading them (issue 17, defect 21).
     */
    static RunItem listed(Path folder, ArchitectureSpec spec, RunInfo info, int colourIndex) {
        return new RunItem(folder, spec, info, null, colourIndex, null);
    }

    public Path folder() {
        return folder;
    }

    /** The network, known from the listing: never reads the weights. */
    public ArchitectureSpec spec() {
        return spec;
    }

    /** The run's run.json, known from the listing; null for a run made before run.json existed. */
    public RunInfo info() {
        return info;
    }

    /** Whether {@link #run()} has read the weights yet (a run listed from the folder starts without). */
    public synchronized boolean weightsRead() {
        return run != null;
    }

    /** The whole run, its weights read from the folder the first time it is asked for (any thread). */
    public synchronized TrainedRun run() {
        if (run == null) {
            try {
                run = RunFolder.read(folder);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
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
