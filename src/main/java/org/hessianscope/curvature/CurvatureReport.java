package org.hessianscope.curvature;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON shape of a {@link Curvature.Result}, as nested maps for any JSON writer:
 * {@code hessian.top} (descending), {@code hessian.bottom} (ascending), {@code hessian.trace},
 * {@code hessian.traceStderr}, {@code hessian.residuals} (of {@code top}), {@code ggn.top}, {@code ggn.trace}
 * (exact; tr H is it plus Hutchinson's estimate of tr H_F, whose standard error traceStderr is),
 * {@code residual.top} (largest magnitude first), {@code ratio.residualOverGgn},
 * {@code perSample.ggnNorm} / {@code perSample.ggnNormWeightsOnly} ({@code max, argmax, median, p95}),
 * {@code perSample.full} ({@code median, max} of ‖H_F,i‖/‖H_O,i‖) and {@code density}
 * ({@code grid, values}). Numbers that are not finite (a standard error from one probe) become null.
 */
public final class CurvatureReport {
    private CurvatureReport() {
    }

    public static Map<String, Object> toMap(Curvature.Result r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("samples", r.samples());
        root.put("parameters", r.parameters());

        Map<String, Object> h = new LinkedHashMap<>();
        h.put("top", finite(r.hessian().top()));
        h.put("bottom", finite(r.hessian().bottom()));
        h.put("trace", finite(r.trace().trace()));
        h.put("traceStderr", finite(r.trace().standardError()));
        h.put("traceProbes", r.trace().samples().length);
        h.put("residuals", finite(r.hessian().topResiduals()));
        h.put("bottomResiduals", finite(r.hessian().bottomResiduals()));
        h.put("lanczosSteps", r.hessian().steps());
        h.put("converged", r.hessian().converged());
        h.put("notes", r.hessian().notes());
        root.put("hessian", h);

        Map<String, Object> g = new LinkedHashMap<>();
        g.put("top", finite(r.ggn().top()));
        g.put("residuals", finite(r.ggn().topResiduals()));
        g.put("converged", r.ggn().converged());
        if (r.ggnTrace() != null) {
            g.put("trace", finite(r.ggnTrace()));
        }
        root.put("ggn", g);

        Map<String, Object> f = new LinkedHashMap<>();
        f.put("top", finite(r.residualTop()));
        f.put("converged", r.residual().converged());
        root.put("residual", f);

        root.put("ratio", Map.of("residualOverGgn", finite(r.residualOverGgn())));

        if (r.perSampleGgn() != null || r.perSampleFull() != null) {
            Map<String, Object> ps = new LinkedHashMap<>();
            if (r.perSampleGgn() != null) {
                ps.put("ggnNorm", summary(r.perSampleGgn().ggnSummary()));
                ps.put("ggnNormWeightsOnly", summary(r.perSampleGgn().weightsOnlySummary()));
            }
            if (r.perSampleFull() != null) {
                Map<String, Object> full = new LinkedHashMap<>();
                full.put("median", finite(r.perSampleFull().medianRatio()));
                full.put("max", finite(r.perSampleFull().maxRatio()));
                full.put("samples", r.perSampleFull().entries().length);
                ps.put("full", full);
            }
            root.put("perSample", ps);
        }
        if (r.density() != null) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("grid", finite(r.density().grid()));
            d.put("values", finite(r.density().values()));
            d.put("sigma", finite(r.density().sigma()));
            root.put("density", d);
        }
        return root;
    }

    private static Map<String, Object> summary(Summary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("max", finite(s.max()));
        m.put("argmax", s.argmax());
        m.put("median", finite(s.median()));
        m.put("p95", finite(s.p95()));
        return m;
    }

    private static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }

    private static Double[] finite(double[] xs) {
        Double[] out = new Double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = finite(xs[i]);
        }
        return out;
    }
}
