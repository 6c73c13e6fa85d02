package org.hessianscope.io;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Runs one reader over {@link #CASES} seeded mutations of a small corpus (issue 18's fuzz
 * extension): only the reader's own exception may escape, each with a one-line message, and every
 * case is bounded in time and in the bytes it allocates ({@link Bounds}), so a hang or an allocation
 * for a claimed size fails the test. The bounds are limits, not measurements: a case far inside them
 * passes whatever the machine's load.
 */
public final class FuzzRun {
    /**
     * Cases per reader: 2,000 in the ordinary build, which keeps these readers under a minute on
     * two shared cores; {@code -Dhessianscope.fuzz.cases=10000} runs the full pass the README counts.
     */
    public static final int CASES = Integer.getInteger("hessianscope.fuzz.cases", 2_000);
    public static final long SEED = 20261201L;

    /**
     * What one case may take: wall time (generous, the machine is shared) and bytes allocated by the
     * reading thread (com.sun.management's per-thread counter, which counts every allocation, freed or not).
     */
    public record Bounds(Duration perCase, long bytesPerCase) {
        /**
         * For readers of small files: ten seconds is a hang (the first case also loads the reader's classes,
         * which took 3.4 s under a load of 38), 64 MB an allocation for a claimed size.
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

    private FuzzRun() {
    }

    /** Fuzzes {@code reader} with {@link Bounds#SMALL_FILES}; returns {accepted, rejected}. */
    public static int[] run(String format, List<byte[]> corpus, Reader reader, List<Class<? extends Exception>> allowed) {
        return run(format, corpus, CASES, Bounds.SMALL_FILES, (b, c) -> reader.read(b), allowed);
    }

    /** Fuzzes {@code reader} over {@code cases} mutations, each within {@code bounds}; returns {accepted, rejected}. */
    public static int[] run(String format, List<byte[]> corpus, int cases, Bounds bounds, CaseReader reader,
                            List<Class<? extends Exception>> allowed) {
        int[] outcomes = new int[2];
        long[] worst = new long[2];   // slowest case in ns, largest allocation in bytes
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTimeoutPreemptively(Duration.ofSeconds(Math.max(90, cases / 50)), () -> {
            SplittableRandom rnd = new SplittableRandom(SEED ^ format.hashCode());
            for (int c = 0; c < cases; c++) {
                byte[] input = ReaderFuzzTest.mutate(corpus, rnd);
                long bytes0 = threads.getCurrentThreadAllocatedBytes();
                long t0 = System.nanoTime();
                try {
                    reader.read(input, c);
                    outcomes[0]++;
                } catch (Throwable t) {
                    if (allowed.stream().noneMatch(a -> a.isInstance(t))) {
                        fail(format + " case " + c + " threw " + t, t);
                    }
                    String m = t.getMessage();
                    if (m == null || m.isBlank()) {
                        fail(format + " case " + c + " threw an exception without a message: " + t);
                    }
                    if (m.lines().count() > 1) {
                        fail(format + " case " + c + " threw a message of more than one line: " + m);
                    }
                    outcomes[1]++;
                }
                long nanos = System.nanoTime() - t0;
                long allocated = threads.getCurrentThreadAllocatedBytes() - bytes0;
                worst[0] = Math.max(worst[0], nanos);
                worst[1] = Math.max(worst[1], allocated);
                if (nanos > bounds.perCase().toNanos()) {
                    fail(format + " case " + c + " took " + nanos / 1_000_000 + " ms, more than its bound of "
                            + bounds.perCase().toMillis() + " ms");
                }
                if (allocated > bounds.bytesPerCase()) {
                    fail(format + " case " + c + " allocated " + allocated + " bytes, more than its bound of "
                            + bounds.bytesPerCase());
                }
            }
        });
        System.out.printf(java.util.Locale.ROOT, "fuzz %s: %d cases, %d accepted, %d rejected; worst case %.0f ms, "
                + "%.1f MB allocated (bounds %d ms, %.0f MB)%n", format, cases, outcomes[0], outcomes[1],
                worst[0] / 1e6, worst[1] / 1e6, bounds.perCase().toMillis(), bounds.bytesPerCase() / 1e6);
        assertTrue(outcomes[1] > 0, format + ": no case was rejected; the mutations test nothing");
        return outcomes;
    }
}
