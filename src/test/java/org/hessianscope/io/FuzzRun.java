package org.hessianscope.io;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Runs one reader over {@link #CASES} seeded mutations of a small corpus (issue 18's fuzz
 * extension): only the reader's own exception may escape, each with a message, and the whole
 * run is bounded in time, so a hang or an allocation for a claimed size fails the test.
 */
public final class FuzzRun {
    /**
     * Cases per reader: 2,000 in the ordinary build, which keeps these readers under a minute on
     * two shared cores; {@code -Dhessianscope.fuzz.cases=10000} runs the full pass the README counts.
     */
    public static final int CASES = Integer.getInteger("hessianscope.fuzz.cases", 2_000);
    public static final long SEED = 20261201L;

    public interface Reader {
        Object read(byte[] input) throws Exception;
    }

    private FuzzRun() {
    }

    /** Fuzzes {@code reader}; returns {accepted, rejected}. */
    public static int[] run(String format, List<byte[]> corpus, Reader reader, List<Class<? extends Exception>> allowed) {
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(Math.max(90, CASES / 50)), () -> {
            SplittableRandom rnd = new SplittableRandom(SEED ^ format.hashCode());
            for (int c = 0; c < CASES; c++) {
                byte[] input = ReaderFuzzTest.mutate(corpus, rnd);
                try {
                    reader.read(input);
                    outcomes[0]++;
                } catch (Throwable t) {
                    if (allowed.stream().noneMatch(a -> a.isInstance(t))) {
                        fail(format + " case " + c + " threw " + t, t);
                    }
                    if (t.getMessage() == null || t.getMessage().isBlank()) {
                        fail(format + " case " + c + " threw an exception without a message: " + t);
                    }
                    outcomes[1]++;
                }
            }
        });
        System.out.println("fuzz " + format + ": " + CASES + " cases, " + outcomes[0] + " accepted, " + outcomes[1]
                + " rejected");
        assertTrue(outcomes[1] > 0, format + ": no case was rejected; the mutations test nothing");
        return outcomes;
    }
}
