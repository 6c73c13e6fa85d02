package org.hessianscope.task;

/**
 * Time left of a job from its own progress: the fraction done and the time since it (or its
 * current step) started, at the rate measured so far. A step's progress restarting lower
 * (the next step of an analysis) starts a new measurement. Not thread-safe: one caller.
 */
public final class TimeLeft {
    /** Too little progress to extrapolate from: the first percent says more about start-up than speed. */
    static final double LEAST_FRACTION = 0.01;
    private double startSeconds = Double.NaN;
    private double lastFraction = -1;
    private String step;

    /**
     * Records progress {@code fraction} (0..1) of step {@code step} at time {@code nowSeconds};
     * returns the seconds left in that step, NaN while too little is done to tell.
     */
    public double update(String step, double fraction, double nowSeconds) {
        if (Double.isNaN(startSeconds) || fraction < lastFraction || !java.util.Objects.equals(step, this.step)) {
            startSeconds = nowSeconds;
            this.step = step;
        }
        lastFraction = fraction;
        return left(nowSeconds - startSeconds, fraction);
    }

    /** Seconds left after {@code elapsed} seconds with {@code fraction} done, at the same rate; NaN below 1 %. */
    public static double left(double elapsed, double fraction) {
        if (!(fraction >= LEAST_FRACTION) || fraction > 1 || elapsed < 0) {
            return Double.NaN;
        }
        return elapsed * (1 - fraction) / fraction;
    }

    public void reset() {
        startSeconds = Double.NaN;
        lastFraction = -1;
        step = null;
    }
}
