import org.hessianscope.analysis.AnalysisOptions;
import org.hessianscope.analysis.Analyses;
import org.hessianscope.analysis.RunAnalysis;
import org.hessianscope.curvature.Curvature;
import org.hessianscope.data.DataLocations;
import org.hessianscope.data.DatasetCatalog;
import org.hessianscope.engine.Engine;
import org.hessianscope.task.ProgressMonitor;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The GUI's analysis of a run (256 curvature samples, 20 Lanczos steps, 20 per-sample spectra, as
 * AppModel asks for), with the wall time of every step and curvature phase: where the seconds go.
 * usage: java ... PhaseTimes.java RUN_DIR DATA_DIR   (writes nothing: the result is discarded)
 */
public class PhaseTimes {
    public static void main(String[] args) throws Exception {
        Path run = Path.of(args[0]);
        int threads = Runtime.getRuntime().availableProcessors();
        AnalysisOptions options = AnalysisOptions.of(500, 0, 0.995, threads).withCurvature(256, 20, 20);
        Map<String, Double> seconds = new LinkedHashMap<>();
        long[] last = {System.nanoTime()};
        String[] current = {"start"};
        RunAnalysis.StepMonitors monitors = step -> new ProgressMonitor() {
            @Override
            public void progress(long done, long total, String message) {
                String phase = message == null ? step.key() : step.key() + " " + message.replaceAll(",.*", "");
                synchronized (current) {
                    if (!phase.equals(current[0])) {
                        long now = System.nanoTime();
                        seconds.merge(current[0], (now - last[0]) / 1e9, Double::sum);
                        last[0] = now;
                        current[0] = phase;
                    }
                }
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        long t0 = System.nanoTime();
        try (Engine engine = Engine.create()) {
            new RunAnalysis(engine).analyzeFolder(run, new DatasetCatalog(DataLocations.ofSystem(Path.of(args[1]))),
                    options, monitors, Curvature.Listener.NONE, Analyses.wanted(options));
        }
        long end = System.nanoTime();
        seconds.merge(current[0], (end - last[0]) / 1e9, Double::sum);
        seconds.forEach((k, v) -> System.out.printf("%8.2f s  %s%n", v, k));
        System.out.printf("%8.2f s  total (threads %d)%n", (end - t0) / 1e9, threads);
    }
}
