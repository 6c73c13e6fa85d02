package org.hessianscope.cli.experiment;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.hessianscope.experiment.FailedPoint;
import org.hessianscope.experiment.PointResult;
import org.hessianscope.experiment.SweepListener;
import org.hessianscope.experiment.SweepPoint;
import org.hessianscope.experiment.SweepSummary;
import org.hessianscope.experiment.Trend;

/**
 * Prints a sweep's progress: a line when a point changes phase or finishes (always, so logs
 * show what happened) and, on a terminal, a percentage for the running phase.
 */
public final class SweepConsole implements SweepListener {
    private static final long REDRAW_NANOS = 500_000_000L;

    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;
    private final String parameter;
    private final int points;
    private long lastDraw;
    private boolean barShown;

    SweepConsole(PrintStream out, PrintStream err, boolean terminal, String parameter, int points) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.parameter = parameter;
        this.points = points;
    }

    private String tag(SweepPoint p) {
        return String.format(Locale.ROOT, "[%d/%d %s=%s]", p.index() + 1, points, parameter, p.value());
    }

    @Override
    public synchronized void phase(SweepPoint point, Phase phase, String detail) {
        endBar();
        String what = switch (phase) {
            case CHECKING -> "run " + detail;
            case TRAINING -> "training, " + detail;
            case ANALYSIS -> "analysing: " + detail;
        };
        out.println(tag(point) + " " + what);
    }

    @Override
    public synchronized void progress(SweepPoint point, Phase phase, long done, long total, String message) {
        if (!terminal) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < REDRAW_NANOS && done < total) {
            return;
        }
        lastDraw = now;
        String pct = total > 0 ? String.format(Locale.ROOT, "%3d%%", Math.round(100.0 * done / total)) : "";
        err.print("\r" + tag(point) + " " + pct + " " + message + "        ");
        err.flush();
        barShown = true;
    }

    @Override
    public synchronized void finished(PointResult r) {
        endBar();
        var info = r.run().info();
        var d = r.analysis().lossDifference();
        out.printf(Locale.ROOT, "%s %s, %s: train loss %.4f, test accuracy %.4f, σ(ℓ) %.4f, |L_N − L_{N−1}| %.3g%n",
                tag(r.point()), r.trained() ? "trained" : "reused stored run",
                r.analysed() ? "analysed" : "reused stored analysis", info.train() == null ? Double.NaN
                        : info.train().loss(), info.test() == null ? Double.NaN : info.test().accuracy(),
                d.losses().std(), d.meanAbs(d.n() - 1));
    }

    @Override
    public synchronized void failed(FailedPoint f) {
        endBar();
        err.printf(Locale.ROOT, "[%d/%d %s=%s] failed: %s%n", f.index() + 1, points, parameter, f.value(), f.reason());
    }

    @Override
    public synchronized void warning(String message) {
        endBar();
        err.println("warning: " + message);
    }

    synchronized void endBar() {
        if (barShown) {
            err.println();
            barShown = false;
        }
    }

    static void printTrends(PrintStream out, SweepSummary s) {
        List<Trend> trends = s.trends();
        if (trends.isEmpty()) {
            return;
        }
        out.println("trends along " + s.parameter() + " (Spearman ρ, direction):");
        for (Trend t : trends) {
            out.printf(Locale.ROOT, "  %-20s ρ = %+.2f  %s%n", t.metric(), t.spearman(), t.direction());
        }
    }
}
