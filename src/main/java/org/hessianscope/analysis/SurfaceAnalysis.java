package org.hessianscope.analysis;

import java.util.Locale;
import org.hessianscope.surface.DirectionKinds;
import org.hessianscope.surface.Surface;
import org.hessianscope.surface.SurfaceOptions;
import org.hessianscope.surface.SurfaceResult;
import org.hessianscope.task.ProgressMonitor;

/**
 * A slice of the loss landscape around θ̂ (docs/surface.md), run only when asked: when the settings carry
 * {@link AnalysisOptions#surface()} ({@code analyze --surface KIND}) or {@code analyze --only surface} names it
 * (then with {@link SurfaceOptions#defaults} of the random plane).
 */
public final class SurfaceAnalysis implements Analysis<SurfaceOptions, SurfaceResult> {
    private static final AnalysisStep STEP = new AnalysisStep("surface", "landscape surface");

    SurfaceAnalysis() {
    }

    @Override
    public AnalysisStep step() {
        return STEP;
    }

    @Override
    public String description() {
        return "a 1D or 2D slice of the landscape around θ̂: L_k, accuracy, σ(ℓ) and the quadratic model (on request)";
    }

    @Override
    public Class<SurfaceResult> resultType() {
        return SurfaceResult.class;
    }

    @Override
    public SurfaceOptions options(AnalysisOptions settings) {
        return settings.surface() != null ? settings.surface() : SurfaceOptions.defaults(SurfaceOptions.DEFAULT_DIRECTIONS);
    }

    @Override
    public boolean requestedBy(AnalysisOptions settings) {
        return settings.surface() != null;
    }

    @Override
    public boolean onRequest() {
        return true;
    }

    @Override
    public SurfaceResult run(AnalysisInput input, SurfaceOptions options, ProgressMonitor monitor) {
        return Surface.compute(input.engine(), input.model(), input.samples(), input.init(), input.folder(), options,
                DirectionKinds.byKey(options.directions()), monitor);
    }

    @Override
    public double cost(AnalysisOptions settings, int n) {
        return Surface.cost(options(settings), n);
    }

    @Override
    public String summary(SurfaceResult r, AnalysisResult all) {
        int last = r.k().length - 1;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : r.loss()[last]) {
            for (double v : row) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        int[] o = r.origin();
        return String.format(Locale.ROOT, "surface (%s, %d×%d, %d samples): L_%d from %.6g to %.6g, %.6g at θ̂",
                r.directions(), r.rows(), r.columns(), r.samples(), r.k()[last], min, max,
                o == null ? Double.NaN : r.loss()[last][o[0]][o[1]]);
    }
}
