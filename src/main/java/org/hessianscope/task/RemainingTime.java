package org.hessianscope.task;

/**
 * The expected time left of a job, from the measured pace of its own work: the overall fraction done (as
 * {@link Phases} reports it, each phase weighted by its cost) is timed from a start mark, and the rest is
 * assumed to go at that pace. Marking after the cold start (the JVM's first compiled passes over the per-sample
 * losses) and measuring a first block of curvature products makes the estimate reflect what the products cost on
 * this machine now, rather than a benchmark's forward pass. The analyze command prints it once; a window can
 * ask for it again at any progress report.
 */
public final class RemainingTime {
    /**
     * Fraction of the whole job after the mark that is not timed: the first products also make the kept passes
     * and run while the JIT compiles the tangent passes (on the loaded machine this made the estimate 5× too long).
     */
    public static final double WARM_UP = 0.01;
    /** Fraction of the whole job that must have gone by since the warm-up before an estimate is given. */
    public static final double MIN_FRACTION = 0.02;
    /** Seconds that must have gone by since the mark before an estimate is given. */
    public static final double MIN_SECONDS = 0.5;

    private double startFraction = Double.NaN;
    private long startNanos;
    private boolean warm;

    /** The measure starts here: {@code fraction} of the job done at {@code nanos} (System.nanoTime()). */
    public synchronized void mark(double fraction, long nanos) {
        startFraction = fraction;
        startNanos = nanos;
        warm = false;
    }

    /** Whether {@link #mark} has been called. */
    public synchronized boolean marked() {
        return !Double.isNaN(startFraction);
    }

    /**
     * Seconds left when {@code fraction} of the job is done at {@code nanos}, or NaN while too little has been
     * measured since the warm-up (less than {@link #MIN_FRACTION} of the job or {@link #MIN_SECONDS}), or before
     * the mark. The first call at least {@link #WARM_UP} past the mark starts the timing there.
     */
    public synchronized double secondsLeft(double fraction, long nanos) {
        if (!marked()) {
            return Double.NaN;
        }
        if (!warm) {
            if (fraction - startFraction < WARM_UP) {
                return Double.NaN;
            }
            warm = true;
            startFraction = fraction;
            startNanos = nanos;
            return Double.NaN;
        }
        double measured = fraction - startFraction;
        double seconds = (nanos - startNanos) / 1e9;
        if (measured < MIN_FRACTION || seconds < MIN_SECONDS) {
            return Double.NaN;
        }
        return seconds(fraction, 1.0, measured, seconds);
    }

    /** (total − done) units at the measured pace of {@code measuredSeconds} for {@code measuredUnits} units. */
    public static double seconds(double done, double total, double measuredUnits, double measuredSeconds) {
        if (!(measuredUnits > 0)) {
            throw new IllegalArgumentException("a pace needs some measured work; got " + measuredUnits + " units");
        }
        return Math.max(0.0, total - done) * measuredSeconds / measuredUnits;
    }
}
