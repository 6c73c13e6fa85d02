package org.hessianscope.ui.surface;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.hessianscope.analysis.Analyses;
import org.hessianscope.analysis.AnalysisResult;
import org.hessianscope.analysis.RunTrainingSet;
import org.hessianscope.run.RunFolder;
import org.hessianscope.surface.TrajectoryDirections;
import org.hessianscope.data.DatasetCatalog;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.Model;
import org.hessianscope.engine.Network;
import org.hessianscope.figure.ColourScale;
import org.hessianscope.figure.FigureStyle;
import org.hessianscope.figure.SurfaceFigures;
import org.hessianscope.run.TrainedRun;
import org.hessianscope.surface.DirectionKinds;
import org.hessianscope.surface.Directions;
import org.hessianscope.surface.Surface;
import org.hessianscope.surface.SurfaceOptions;
import org.hessianscope.surface.SurfaceResult;
import org.hessianscope.ui.common.BackgroundTask;
import org.hessianscope.ui.common.JobViewModel;
import org.hessianscope.ui.runs.RunItem;
import org.hessianscope.ui.runs.RunsViewModel;
import org.jfree.chart.JFreeChart;

/**
 * The Landscape view's data side. It follows the selected run; {@link #compute()} slices that run's
 * loss landscape in the background with {@link Surface#compute} (progress and Cancel in {@link #job()}),
 * and keeps the result per run folder for the session. Moving {@link #kIndexProperty()} or the log
 * scale only redraws from the stored grids. It publishes the loss map (quadratic model's contours
 * dashed), the σ² map, the 1D slice and the grid of the 3D surface; views only show them.
 */
public final class LandscapeViewModel {

    /** What the 3D view draws: the loss grid z[j][i] on the maps' colour scale. */
    public record SurfaceGrid(double[][] z, ColourScale scale) {
    }

    private final RunsViewModel runs;
    private final JobViewModel job;
    private final DatasetCatalog catalog;
    private final Engine engine;
    private final SurfaceOptions defaults;
    private final Map<Path, SurfaceResult> computed = new HashMap<>();
    /** The training path on a trajectory plane ({αs, βs}, θ₀ first), by run folder; absent for other planes. */
    private final Map<Path, double[][]> paths = new HashMap<>();
    private final ObjectProperty<String> directions;
    private final DoubleProperty range;
    private final BooleanProperty logScale = new SimpleBooleanProperty(true);
    private final IntegerProperty kIndex = new SimpleIntegerProperty(0);
    private final ReadOnlyIntegerWrapper kCount = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyObjectWrapper<SurfaceResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<JFreeChart> lossMap = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<JFreeChart> varianceMap = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<JFreeChart> slice = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SurfaceGrid> surface = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper kLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper("");
    private final DeltaViewModel delta;

    /**
     * @param defaults the slice {@link #compute()} asks for, with the chosen directions and range in
     *                 place of its own (the GUI passes {@link SurfaceOptions#defaults}; tests a small grid)
     */
    public LandscapeViewModel(RunsViewModel runs, JobViewModel job, DatasetCatalog catalog, Engine engine,
                              SurfaceOptions defaults) {
        this.runs = runs;
        this.job = job;
        this.catalog = catalog;
        this.engine = engine;
        this.defaults = defaults;
        directions = new SimpleObjectProperty<>(defaults.directions());
        range = new SimpleDoubleProperty(defaults.range());
        // Δ shares the slice's progress strip and Cancel: one job of the tab at a time.
        delta = new DeltaViewModel(runs, job, catalog, engine);
        // A reopened run is listed before its analysis is read: its stored slice shows when the analysis arrives.
        runs.selectionProperty().addListener(o -> showSelected());
        kIndex.addListener(o -> redraw());
        logScale.addListener(o -> redraw());
        showSelected();
    }

    /** The direction kinds the view offers, by key: all but {@code file}, which needs a file the CLI names. */
    public static List<String> directionKeys() {
        return DirectionKinds.ALL.stream().map(Directions::key).filter(k -> !k.equals("file")).toList();
    }

    /** Computes the selected run's slice in the background; the result replaces the one shown when it is done. */
    public void compute() {
        RunItem item = runs.selectedProperty().get();
        if (item == null) {
            return;
        }
        SurfaceOptions options = options();
        Directions kind = DirectionKinds.byKey(options.directions());
        job.run(BackgroundTask.of("landscape of " + runs.label(item), m -> {
            TrainedRun run = item.run();
            // The slice's first samples only: a sample model trained on all of MNIST slices from the embedded subset.
            var train = RunTrainingSet.loadFirst(item.folder(), run.info(), catalog, options.samples());
            Model model = new Model(Network.of(run.spec()), run.weights());
            SurfaceResult r = Surface.compute(engine, model, train, run.init(), item.folder(), options, kind, m);
            return new Computed(r, trajectory(item.folder(), r));
        }).onSuccess(c -> {
            SurfaceResult r = c.result();
            computed.put(item.folder(), r);
            if (c.path() != null) {
                paths.put(item.folder(), c.path());
            } else {
                paths.remove(item.folder());
            }
            if (runs.selectedProperty().get() == item) {
                show(r);
            }
        }));
    }

    private record Computed(SurfaceResult result, double[][] path) {
    }

    /**
     * The checkpoints' coordinates on a trajectory plane, from the core (the same principal directions the
     * slice was computed along); null for any other plane, where the path does not lie.
     */
    private static double[][] trajectory(Path folder, SurfaceResult r) throws java.io.IOException {
        if (!r.directions().equals(DirectionKinds.TRAJECTORY.key()) || r.dims() < 2) {
            return null;
        }
        var points = TrajectoryDirections.of(folder, RunFolder.read(folder)).points();
        double[][] xy = new double[2][points.size()];
        for (int p = 0; p < points.size(); p++) {
            xy[0][p] = points.get(p).x();
            xy[1][p] = points.get(p).y();
        }
        return xy;
    }

    /**
     * The checkpoints' path of a stored slice, read once per run folder: the same core coordinates as for one
     * computed here. A run folder whose checkpoints cannot be read shows the map without the path.
     */
    private void storedTrajectory(Path folder, SurfaceResult r) {
        if (r == null || paths.containsKey(folder)) {
            return;
        }
        try {
            double[][] path = trajectory(folder, r);
            if (path != null) {
                paths.put(folder, path);
            }
        } catch (java.io.IOException | RuntimeException e) {
            // No path: the slice itself is still worth showing.
        }
    }

    /** The options {@link #compute()} uses: the defaults with the chosen directions and range (a line for a 1D kind). */
    public SurfaceOptions options() {
        return options(defaults, directions.get(), range.get());
    }

    /** What {@link #options()} makes of {@code defaults} with a direction kind and range (benchmarks/gui-landscape). */
    public static SurfaceOptions options(SurfaceOptions defaults, String directions, double range) {
        Directions kind = DirectionKinds.byKey(directions);
        int dims = Math.min(defaults.dims(), kind.maxDims());
        int grid = dims == defaults.dims() ? defaults.grid() : SurfaceOptions.DEFAULT_GRID_1D;
        return new SurfaceOptions(kind.key(), dims, grid, range, defaults.samples(), defaults.k(),
                defaults.operator(), defaults.lanczosSteps(), defaults.seed(), defaults.force());
    }

    private void showSelected() {
        RunItem item = runs.selectionProperty().get().run();
        AnalysisResult analysis = runs.selectionProperty().get().analysis();
        SurfaceResult r = item == null ? null : computed.get(item.folder());
        if (r == null && analysis != null) {
            // A slice `analyze --surface` stored with the run shows at once, with its trajectory on a trajectory plane.
            r = analysis.get(Analyses.SURFACE);
            storedTrajectory(item.folder(), r);
        }
        show(r);
        if (item == null) {
            hint.set("Select a run to see its loss landscape.");
        } else if (result.get() == null) {
            SurfaceOptions o = options();
            hint.set(String.format(Locale.ROOT, "Press Compute to slice the landscape of %s: a %s over [−%s, %s] "
                            + "along %s directions, on the first %,d training samples.", runs.label(item),
                    o.dims() == 2 ? o.grid() + "×" + o.grid() + " grid" : o.grid() + "-point line",
                    num(o.range()), num(o.range()), o.directions(), o.samples()));
        }
    }

    private void show(SurfaceResult r) {
        result.set(r);
        kCount.set(r == null ? 0 : r.k().length);
        // The largest k first: the landscape of the whole subset, which the slider then takes back to small k.
        int g = r == null ? 0 : r.k().length - 1;
        if (kIndex.get() != g) {
            kIndex.set(g); // redraws
        } else {
            redraw();
        }
    }

    private void redraw() {
        SurfaceResult r = result.get();
        if (r == null) {
            lossMap.set(null);
            varianceMap.set(null);
            slice.set(null);
            surface.set(null);
            kLabel.set("");
            return;
        }
        hint.set(r.dims() < 2 ? "A 1D slice (" + r.directions() + "): the maps need two directions; see the slice."
                : "");
        int g = Math.max(0, Math.min(r.k().length - 1, kIndex.get()));
        // Four pictures share the middle of the window: a size smaller than the Charts tab's, so nothing clips at 1280×720.
        FigureStyle style = new FigureStyle(false, null, false, 10f, 1.3f, FigureStyle.DEFAULT_COLUMNS, false);
        boolean log = logScale.get();
        RunItem item = runs.selectedProperty().get();
        double[][] path = item == null ? null : paths.get(item.folder());
        lossMap.set(SurfaceFigures.lossMap(r, g, log, path, style));
        varianceMap.set(SurfaceFigures.varianceMap(r, log, style));
        slice.set(SurfaceFigures.slice(r, g, style));
        surface.set(r.dims() < 2 ? null : new SurfaceGrid(SurfaceFigures.lossGrid(r, g), SurfaceFigures.lossScale(r, log)));
        kLabel.set(String.format(Locale.ROOT, "k = %,d of N = %,d", r.k()[g], r.samples()));
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    public JobViewModel job() {
        return job;
    }

    /** The Δ_{k+1}(σ) chart beside the pictures. */
    public DeltaViewModel delta() {
        return delta;
    }

    public ObjectProperty<String> directionsProperty() {
        return directions;
    }

    public DoubleProperty rangeProperty() {
        return range;
    }

    public BooleanProperty logScaleProperty() {
        return logScale;
    }

    /** Index into the result's k, 0 (the smallest) to {@link #kCountProperty()} − 1 (the whole subset). */
    public IntegerProperty kIndexProperty() {
        return kIndex;
    }

    public ReadOnlyIntegerProperty kCountProperty() {
        return kCount.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SurfaceResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<JFreeChart> lossMapProperty() {
        return lossMap.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<JFreeChart> varianceMapProperty() {
        return varianceMap.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<JFreeChart> sliceProperty() {
        return slice.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SurfaceGrid> surfaceProperty() {
        return surface.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty kLabelProperty() {
        return kLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }
}
