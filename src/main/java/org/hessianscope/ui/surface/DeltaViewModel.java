package org.hessianscope.ui.surface;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.hessianscope.analysis.Analyses;
import org.hessianscope.analysis.AnalysisResult;
import org.hessianscope.analysis.RunAnalysis;
import org.hessianscope.data.DatasetCatalog;
import org.hessianscope.engine.Engine;
import org.hessianscope.figure.DeltaFigure;
import org.hessianscope.figure.FigureStyle;
import org.hessianscope.surface.DeltaOptions;
import org.hessianscope.surface.DeltaResult;
import org.hessianscope.task.InvalidSettingException;
import org.hessianscope.ui.common.BackgroundTask;
import org.hessianscope.ui.common.JobViewModel;
import org.hessianscope.ui.runs.RunItem;
import org.hessianscope.ui.runs.RunsViewModel;
import org.jfree.chart.JFreeChart;

/**
 * The Landscape tab's Δ_{k+1}(σ) chart (docs/delta.md): it shows the selected run's stored {@code delta} result at
 * once, and {@link #compute()} runs the {@code delta} analysis on the run folder in the background, exactly as
 * {@code analyze --only delta --delta} does ({@link RunAnalysis#analyzeFolder} with {@link DeltaOptions#ofAnalysis}),
 * so the result lands in the run's analysis.json and a reopened run shows it. The chart is {@link DeltaFigure}'s,
 * the one {@code figure delta} writes.
 */
public final class DeltaViewModel {
    private final RunsViewModel runs;
    private final JobViewModel job;
    private final DatasetCatalog catalog;
    private final Engine engine;
    private final StringProperty sigma = new SimpleStringProperty(sigmaText(DeltaOptions.DEFAULT_SIGMA));
    private final IntegerProperty draws = new SimpleIntegerProperty(DeltaOptions.DEFAULT_DRAWS);
    private final IntegerProperty subspace = new SimpleIntegerProperty(DeltaOptions.DEFAULT_SUBSPACE);
    private final ReadOnlyObjectWrapper<DeltaResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<JFreeChart> chart = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper("");

    public DeltaViewModel(RunsViewModel runs, JobViewModel job, DatasetCatalog catalog, Engine engine) {
        this.runs = runs;
        this.job = job;
        this.catalog = catalog;
        this.engine = engine;
        runs.selectionProperty().addListener(o -> showSelected());
        showSelected();
    }

    /** "0.001, 0.01, 0.1": the σ field's text for a list. */
    static String sigmaText(double[] sigma) {
        return Arrays.stream(sigma).mapToObj(s -> String.format(Locale.ROOT, "%s", s)).collect(Collectors.joining(", "));
    }

    /** The σ field's values; an InvalidSettingException naming the field and the bad value otherwise. */
    static double[] parseSigma(String text) {
        String[] parts = text == null ? new String[0] : text.split("[,\\s]+");
        double[] out = Arrays.stream(parts).filter(p -> !p.isBlank()).mapToDouble(p -> {
            try {
                return Double.parseDouble(p);
            } catch (NumberFormatException e) {
                throw new InvalidSettingException("σ: \"" + p + "\" is not a number; give positive numbers separated "
                        + "by commas, e.g. 1e-3, 1e-2, 1e-1");
            }
        }).toArray();
        if (out.length == 0) {
            throw new InvalidSettingException("σ is empty; give positive numbers separated by commas, e.g. 1e-3, 1e-2, 1e-1");
        }
        return out;
    }

    /** The options {@link #compute()} asks for with the fields' values and the seed of the run's stored analysis. */
    public DeltaOptions options(long seed) {
        return DeltaOptions.ofAnalysis(parseSigma(sigma.get()), draws.get(), subspace.get(), seed);
    }

    /**
     * Estimates Δ for the selected run in the background and adds it to the run's analysis.json; the chart shows it
     * when done. It needs the run's stored analysis (its settings, kept beside the new result): the run list
     * analyses every run it opens.
     */
    public void compute() {
        RunItem item = runs.selectedProperty().get();
        if (item == null) {
            return;
        }
        AnalysisResult stored = item.analysisProperty().get();
        if (stored == null) {
            hint.set("Δ needs the run's analysis first: wait for it to finish, or analyse the run again.");
            return;
        }
        DeltaOptions delta;
        try {
            delta = options(stored.options().seed());
        } catch (InvalidSettingException e) {
            hint.set(e.getMessage().replace("{", "").replace("}", ""));
            return;
        }
        var options = stored.options().withDelta(delta);
        job.run(BackgroundTask.of("Δ of " + runs.label(item), m -> new RunAnalysis(engine).analyzeFolder(
                        item.folder(), catalog, options, step -> m, org.hessianscope.curvature.Curvature.Listener.NONE,
                        List.of(Analyses.DELTA)))
                .onSuccess(a -> item.setAnalysis(a))); // the listener on the item's analysis shows it
    }

    private void showSelected() {
        RunItem item = runs.selectionProperty().get().run();
        AnalysisResult a = runs.selectionProperty().get().analysis();
        DeltaResult r = a == null ? null : a.get(Analyses.DELTA);
        result.set(r);
        // A narrow column beside the maps: the pictures' small size, the legend in rows below the plot, log k.
        chart.set(r == null ? null : DeltaFigure.chart(r, new FigureStyle(false, null, true, 10f, 1.3f,
                FigureStyle.DEFAULT_COLUMNS, true)));
        if (item == null) {
            hint.set("");
        } else if (r == null) {
            hint.set(String.format(Locale.ROOT, "Press Compute Δ to estimate Δ_{k+1}(σ) of %s: %d draws for each σ "
                    + "in a %s, on the first %,d training samples; it is saved with the run's analysis.",
                    runs.label(item), draws.get(), subspace.get() == DeltaOptions.FULL ? "full space"
                            : subspace.get() + "-dimensional random subspace", DeltaOptions.DEFAULT_SAMPLES));
        } else {
            hint.set("");
        }
    }

    public JobViewModel job() {
        return job;
    }

    public StringProperty sigmaProperty() {
        return sigma;
    }

    public IntegerProperty drawsProperty() {
        return draws;
    }

    public IntegerProperty subspaceProperty() {
        return subspace;
    }

    /** The selected run's stored Δ, null when it has none. */
    public ReadOnlyObjectProperty<DeltaResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<JFreeChart> chartProperty() {
        return chart.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }
}
