import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.hessianscope.analysis.RunTrainingSet;
import org.hessianscope.data.DataLocations;
import org.hessianscope.data.Dataset;
import org.hessianscope.data.DatasetCatalog;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.Model;
import org.hessianscope.engine.Network;
import org.hessianscope.run.RunFolder;
import org.hessianscope.run.TrainedRun;
import org.hessianscope.surface.DirectionKinds;
import org.hessianscope.surface.Surface;
import org.hessianscope.surface.SurfaceOptions;
import org.hessianscope.surface.SurfaceResult;
import org.hessianscope.task.ProgressMonitor;
import org.hessianscope.ui.surface.LandscapeViewModel;

/**
 * The GUI's default landscape (the Landscape tab's Compute with nothing changed) of one run folder, timed: the
 * same steps as LandscapeViewModel.compute, on the options AppModel gives it (SurfaceOptions.defaults(HESSIAN),
 * through LandscapeViewModel.options) and an Engine.create() as the window's. Prints the wall time of each phase
 * (from the progress messages), the total, and L at the origin for the largest k as a check.
 *
 * java -cp CLASSES:DEPS GuiLandscape.java RUN_FOLDER [DIRECTIONS]
 */
public class GuiLandscape {
    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        SurfaceOptions defaults = SurfaceOptions.defaults(SurfaceOptions.HESSIAN);
        SurfaceOptions options = LandscapeViewModel.options(defaults,
                args.length > 1 ? args[1] : defaults.directions(), defaults.range());
        long t0 = System.nanoTime();
        TrainedRun run = RunFolder.read(folder);
        DatasetCatalog catalog = new DatasetCatalog(DataLocations.ofSystem(null));
        Dataset train = RunTrainingSet.loadFirst(folder, RunFolder.readInfo(folder), catalog, options.samples());
        Model model = new Model(Network.of(run.spec()), run.weights());
        long t1 = System.nanoTime();
        Map<String, Long> phaseStart = new LinkedHashMap<>();
        ProgressMonitor monitor = new ProgressMonitor() {
            public void progress(long done, long total, String message) {
                // "phase i/n: LABEL, DETAIL": the first message of a phase marks its start.
                String phase = message.contains(",") ? message.substring(0, message.indexOf(',')) : message;
                synchronized (phaseStart) {
                    phaseStart.putIfAbsent(phase, System.nanoTime());
                }
            }

            public boolean isCancelled() {
                return false;
            }
        };
        SurfaceResult r;
        try (Engine engine = Engine.create()) {
            r = Surface.compute(engine, model, train, run.init(), folder, options,
                    DirectionKinds.byKey(options.directions()), monitor);
        }
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "run %s: P = %,d, %d samples, %s, %d×%d grid, k = %s, threads %d%n",
                folder.getFileName(), model.parameterCount(), r.samples(), options.directions(), options.grid(),
                options.dims() == 2 ? options.grid() : 1, java.util.Arrays.toString(r.k()),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "load run and data: %.2f s%n", (t1 - t0) / 1e9);
        Long previous = null;
        String previousName = null;
        for (Map.Entry<String, Long> e : phaseStart.entrySet()) {
            if (previous != null) {
                System.out.printf(Locale.ROOT, "  %s: %.2f s%n", previousName, (e.getValue() - previous) / 1e9);
            }
            previous = e.getValue();
            previousName = e.getKey();
        }
        if (previous != null) {
            System.out.printf(Locale.ROOT, "  %s: %.2f s%n", previousName, (t2 - previous) / 1e9);
        }
        int mid = options.grid() / 2;
        int g = r.k().length - 1;
        System.out.printf(Locale.ROOT, "landscape: %.2f s (compute %.2f s); L_%d at the origin %.12g%n",
                (t2 - t0) / 1e9, (t2 - t1) / 1e9, r.k()[g], r.loss()[g][mid][options.dims() == 2 ? mid : 0]);
        // On a shared machine the wall time follows the load; the CPU time of the process does not.
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        System.out.printf(Locale.ROOT, "process CPU time: %.1f s (JVM included)%n", os.getProcessCpuTime() / 1e9);
    }
}
