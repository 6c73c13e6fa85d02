package org.hessianscope.io;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Runs one reader over {@link #CASES} seeded mutations of a small corpus (issue 18's fuzz
 * extension): only the reader's own exception may escape, each with a one-line message, and every
 * case is bounded in time and in the bytes it allocates ({@link Bounds}), so a hang or an allocation
 * for a claimed size fails the test. The bounds are limits, not measurements: a case far inside them
 * passes whatever the machine's load. Readers with their own mutator count their cases with a {@link Tally}.
 */
public final class FuzzRun {
    /** The system property that sets the cases per reader (every reader's, when given). */
    public static final String CASES_PROPERTY = "hessianscope.fuzz.cases";
    /** The full count, the README's: every reader at least this many cases. */
    public static final int FULL = 10_000;
    /**
     * Cases per reader of the slower readers (store files, tar, downloader) in the ordinary build: 2,000, which keeps
     * them under a minute on two shared cores; the cheap readers run {@link #FULL} there ({@link #cases}).
     * {@code -Dhessianscope.fuzz.cases=10000} runs the full pass the README counts.
     */
    public static final int CASES = cases(2_000);

    /** Cases per reader: the system property when given, else {@code ordinary}, this reader's count in the ordinary build. */
    public static int cases(int ordinary) {
        return Integer.getInteger(CASES_PROPERTY, ordinary);
    }

    public static final long SEED = 20261201L;

    /**
     * What one case may take: wall time (generous, the machine is shared) and bytes allocated by the
     * reading thread (com.sun.management's per-thread counter, which counts every allocation, freed or not).
     */
    public record Bounds(Duration perCase, long bytesPerCase) {
        /**
         * For readers of small files: ten seconds is a hang, 64 MB an allocation for a claimed size. {@link #run}
         * loads the reader's classes before the first timed case (class loading alone took 6.6 s in the small-heap
         * child under a load of 30; see {@code warmUp}).
         */
        public static final Bounds SMALL_FILES = new Bounds(Duration.ofSeconds(10), 64L << 20);
    }

    public interface Reader {
        Object read(byte[] input) throws Exception;
    }

    /** A case's outcome for readers whose input is not only bytes (a reader of a server's answer). */
    public interface CaseReader {
        Object read(byte[] input, int caseIndex) throws Exception;
    }

    /** One case, whatever builds its input. */
    public interface Case {
        Object run() throws Exception;
    }

    private FuzzRun() {
    }

    /**
     * A limit on a whole run, which catches a hang that the per-case bound (checked when a case returns) cannot:
     * 90 s, or 100 ms a case for long runs (the slowest reader, the downloader, took 15 ms a case on a quiet machine).
     */
    public static Duration runTimeout(int cases) {
        return Duration.ofSeconds(Math.max(90, cases / 10));
    }

    /** Fuzzes {@code reader} with {@link Bounds#SMALL_FILES}; returns {accepted, rejected}. */
    public static int[] run(String format, List<byte[]> corpus, Reader reader, List<Class<? extends Exception>> allowed) {
        return run(format, corpus, CASES, Bounds.SMALL_FILES, (b, c) -> reader.read(b), allowed);
    }

    /** Fuzzes {@code reader} over {@code cases} mutations, each within {@code bounds}; returns {accepted, rejected}. */
    public static int[] run(String format, List<byte[]> corpus, int cases, Bounds bounds, CaseReader reader,
                            List<Class<? extends Exception>> allowed) {
        Tally tally = new Tally(format, bounds, allowed);
        assertTimeoutPreemptively(runTimeout(cases), () -> {
            warmUp(corpus, reader, allowed);
            SplittableRandom rnd = new SplittableRandom(SEED ^ format.hashCode());
            for (int c = 0; c < cases; c++) {
                byte[] input = ReaderFuzzTest.mutate(corpus, rnd);
                int index = c;
                tally.run(c, () -> reader.read(input, index), input);
            }
        });
        tally.print();
        assertTrue(tally.rejected() > 0, format + ": no case was rejected; the mutations test nothing");
        return new int[] {tally.accepted(), tally.rejected()};
    }

    /**
     * Reads the first (valid) corpus input once, untimed and uncounted, before the timed cases. Its only job is to
     * load the reader's classes (Jackson, zip, the reader's own): in the -Xmx256m child under a load of 30 that made
     * spec JSON's first case take 6.6 s of its 10 s bound, while every other case stayed under 1.4 s. With the
     * loading outside the cases the 10 s bound stays a bound on what the input makes the reader do (a hang or a loop
     * over a claimed size), not on the JVM's start, and need not be raised to pass on a slower machine.
     */
    private static void warmUp(List<byte[]> corpus, CaseReader reader, List<Class<? extends Exception>> allowed)
            throws Exception {
        try {
            reader.read(corpus.get(0), 0);
        } catch (Exception e) {
            if (allowed.stream().noneMatch(a -> a.isInstance(e))) {
                throw e;
            }
        }
    }

    /**
     * The outcomes of one reader's cases: each case is checked as {@link #run} checks it (only an allowed exception,
     * one line, within the bounds) and counted; the worst case is kept for the printed line.
     */
    public static final class Tally {
        private final String format;
        private final Bounds bounds;
        private final List<Class<? extends Exception>> allowed;
        private final com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        private int accepted;
        private int rejected;
        private long worstNanos;
        private long worstBytes;

        public Tally(String format, Bounds bounds, List<Class<? extends Exception>> allowed) {
            this.format = format;
            this.bounds = bounds;
            this.allowed = allowed;
        }

        /** Runs case {@code c}; returns the allowed exception it was rejected with, or null if it was accepted. */
        public Throwable run(int c, Case body, byte[] input) {
            Throwable rejection = null;
            long bytes0 = threads.getCurrentThreadAllocatedBytes();
            long t0 = System.nanoTime();
            try {
                body.run();
                accepted++;
            } catch (Throwable t) {
                if (allowed.stream().noneMatch(a -> a.isInstance(t))) {
                    fail(format + " case " + c + " threw " + t + input(input), t);
                }
                String m = t.getMessage();
                if (m == null || m.isBlank()) {
                    fail(format + " case " + c + " threw an exception without a message: " + t + input(input));
                }
                if (m.lines().count() > 1) {
                    fail(format + " case " + c + " threw a message of more than one line: " + m + input(input));
                }
                rejected++;
                rejection = t;
            }
            long nanos = System.nanoTime() - t0;
            long allocated = threads.getCurrentThreadAllocatedBytes() - bytes0;
            worstNanos = Math.max(worstNanos, nanos);
            worstBytes = Math.max(worstBytes, allocated);
            if (nanos > bounds.perCase().toNanos()) {
                fail(format + " case " + c + " took " + nanos / 1_000_000 + " ms, more than its bound of "
                        + bounds.perCase().toMillis() + " ms" + input(input));
            }
            if (allocated > bounds.bytesPerCase()) {
                fail(format + " case " + c + " allocated " + allocated + " bytes, more than its bound of "
                        + bounds.bytesPerCase() + input(input));
            }
            return rejection;
        }

        public int accepted() {
            return accepted;
        }

        public int rejected() {
            return rejected;
        }

        /** The line the README's Reliability command collects ({@code grep '^fuzz '}). */
        public void print() {
            System.out.printf(Locale.ROOT, "fuzz %s: %d cases, %d accepted, %d rejected; worst case %.0f ms, "
                    + "%.1f MB allocated (bounds %d ms, %.0f MB)%n", format, accepted + rejected, accepted, rejected,
                    worstNanos / 1e6, worstBytes / 1e6, bounds.perCase().toMillis(), bounds.bytesPerCase() / 1e6);
        }

        private static String input(byte[] b) {
            return b == null ? "" : " for input " + HexFormat.of().formatHex(b, 0, Math.min(b.length, 400))
                    + (b.length > 400 ? "..." : "");
        }
    }
}
