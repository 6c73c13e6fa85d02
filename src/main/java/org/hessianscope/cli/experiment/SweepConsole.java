package org.hessianscope.cli.experiment;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.hessianscope.experiment.FailedPoint;
import org.hessianscope.experiment.PointResult;
import org.hessianscope.experiment.SweepListener;
import org.hessianscope.experiment.SweepPoint;
import org.hessianscope.experiment.SweepSummary;
import org.hessianscope.experiment.NetworkStatistics;
import org.hessianscope.experiment.RankCorrelation;
import org.hessianscope.experiment.SeedInterval;
import org.hessianscope.experiment.SeedTrend;
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
    private final boolean seeded;
    private long lastDraw;
    private boolean barShown;

    /** @param seeded whether the sweep trains each network with several seeds, so that each tag names its seed */
    SweepConsole(PrintStream out, PrintStream err, boolean terminal, String parameter, int points, boolean seeded) {
        this.seeded = seeded;
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.parameter = parameter;
        this.points = points;
    }

    private String tag(SweepPoint p) {
        return String.format(Locale.ROOT, "[%d/%d %s=%s%s]", p.index() + 1, points, parameter, p.value(),
                seeded ? " seed=" + p.seed() : "");
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
        if (s.seeded()) {
            printSeeds(out, s);
        }
        if (trends.isEmpty()) {
            return;
        }
        out.println("trends along " + s.parameter() + " (Spearman ρ, direction):");
        for (Trend t : trends) {
            out.printf(Locale.ROOT, "  %-20s ρ = %+.2f  %s%n", t.metric(), t.spearman(), t.direction());
        }
    }

    /** Per network the mean [95 % interval] over seeds; per number ρ, p and the order kept; the runs' rank correlations. */
    static void printSeeds(PrintStream out, SweepSummary s) {
        out.println("over seeds " + s.seeds() + " (mean [95 % interval]):");
        out.printf(Locale.ROOT, "  %-8s %-36s %-36s %-36s %s%n", s.parameter(), "lossDifferenceTail", "lossStd",
                "trainLoss", "testAccuracy");
        for (NetworkStatistics n : s.networks()) {
            out.printf(Locale.ROOT, "  %-8s %-36s %-36s %-36s %s%n", n.value(), interval(n.metric("lossDifferenceTail")),
                    interval(n.metric("lossStd")), interval(n.metric("trainLoss")), interval(n.metric("testAccuracy")));
        }
        out.println("trends along " + s.parameter() + " over seeds (mean ρ, permutation p within seeds, order kept):");
        for (SeedTrend t : s.seedTrends()) {
            out.printf(Locale.ROOT, "  %-20s ρ = %+.2f  p = %.2g%s  order kept %.2f%n", t.metric(), t.spearman(),
                    t.pValue(), t.exact() ? " (exact)" : "", t.orderKept());
        }
        for (RankCorrelation c : s.correlations()) {
            out.printf(Locale.ROOT, "  %s vs %s over %d runs: ρ = %+.2f, p = %.2g%n", c.x(), c.y(), c.runs(),
                    c.spearman(), c.pValue());
        }
    }

    private static String interval(SeedInterval i) {
        return String.format(Locale.ROOT, "%.4g [%.4g, %.4g]", i.mean(), i.low(), i.high());
    }
}
