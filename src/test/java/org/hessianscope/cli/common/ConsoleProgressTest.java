package org.hessianscope.cli.common;

import org.hessianscope.task.Phases;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class ConsoleProgressTest {
    private static final long SECOND = 1_000_000_000L;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final AtomicLong clock = new AtomicLong(0);

    private ConsoleProgress progress(boolean terminal, boolean countsBytes, int columns) {
        return new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), terminal, countsBytes, columns,
                clock::get);
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void downloadsShowMegabytesWithTheirFraction() {
        ConsoleProgress p = progress(true, true, 200);
        // 1,250,000 of 5,000,000 bytes = 25 %: 20 × 0.25 = 5 marks.
        p.progress(1_250_000, 5_000_000, "mnist/x.gz");
        assertEquals("\r[#####...............] 1.25 MB of 5.00 MB  mnist/x.gz", printed());
        // Unknown total (no Content-Length): only the bytes so far.
        assertEquals("0.30 MB  f", p.line(300_000, -1, "f", 0));
    }

    @Test
    void aComputationShowsPercentAndTimeLeftFromTheRateSoFar() {
        ConsoleProgress p = progress(true, false, 200);
        clock.set(30 * SECOND);
        // 25 % in 30 s: 90 s left.
        p.progress(25, 100, "phase 2/4: trace");
        assertEquals("\r[#####...............]  25.0%  about 1 min 30 s left  phase 2/4: trace", printed());
        assertFalse(printed().contains("MB"), "no megabytes for a computation");
    }

    @Test
    void thePercentNeverGoesBackWhenAPhaseRestartsItsCount() {
        ConsoleProgress p = progress(true, false, 200);
        clock.set(10 * SECOND);
        p.progress(64, 100, "per-sample ggn");
        clock.set(11 * SECOND);
        p.progress(60, 100, "norms of conv3");
        String[] draws = printed().split("\r");
        assertTrue(draws[2].contains(" 64.0%") && draws[2].endsWith("norms of conv3"), draws[2]);
    }

    @Test
    void onATerminalOneJobIsOneLineRedrawnInPlace() {
        ConsoleProgress p = progress(true, false, 200);
        Phases phases = new Phases(p, List.of(new Phases.Phase("a", 1), new Phases.Phase("b", 3)));
        clock.set(SECOND);
        var a = phases.phase(0);
        clock.set(2 * SECOND);
        a.progress(1, 1, "a done");
        clock.set(3 * SECOND);
        var b = phases.phase(1);
        clock.set(4 * SECOND);
        b.progress(1, 3, "step 1/3");
        p.finish();
        String out = printed();
        assertEquals(1, out.split("\n", -1).length - 1, "one line, ended by finish: " + out);
        assertEquals(4, out.split("\r", -1).length - 1, "redrawn four times: " + out);
        // Phase b owns 3/4 of the job: a third of it done is 1/4 + 1/4 = 50 %, in 4 s: 4 s left.
        assertTrue(out.contains(" 50.0%  about 4 s left  phase 2/2: b, step 1/3"), out);
    }

    @Test
    void longLinesAreCutToTheTerminalWidth() {
        ConsoleProgress p = progress(true, false, 40);
        p.progress(1, 2, "x".repeat(100));
        assertEquals(1 + 39, printed().length(), printed());
        assertTrue(printed().endsWith("…"));
    }

    @Test
    void offATerminalAPlainLineEveryFewSecondsAndNothingForShortWork() {
        ConsoleProgress p = progress(false, false, 100);
        p.progress(1, 10, "a");
        clock.set(ConsoleProgress.PLAIN_INTERVAL_NANOS - 1);
        p.progress(2, 10, "a");
        p.finish();
        assertEquals("", printed(), "nothing within the first interval");
        clock.set(ConsoleProgress.PLAIN_INTERVAL_NANOS);
        p.progress(5, 10, "b");
        clock.set(ConsoleProgress.PLAIN_INTERVAL_NANOS + SECOND);
        p.progress(6, 10, "b");
        clock.set(2 * ConsoleProgress.PLAIN_INTERVAL_NANOS);
        p.progress(7, 10, "c");
        String[] lines = printed().split("\n");
        assertEquals(2, lines.length, printed());
        assertFalse(printed().contains("\r"));
        // 50 % after 5 s: 5 s left.
        assertEquals("[##########..........]  50.0%  about 5 s left  b", lines[0]);
        assertTrue(lines[1].startsWith("[##############......]  70.0%"), lines[1]);
    }

    @Test
    void durationsReadLikeAClock() {
        assertEquals("59 s", ConsoleProgress.duration(59.4));
        assertEquals("2 min 05 s", ConsoleProgress.duration(125));
        assertEquals("1 h 05 min", ConsoleProgress.duration(3900));
    }
}
