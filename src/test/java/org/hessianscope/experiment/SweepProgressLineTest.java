package org.hessianscope.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The machine-readable progress lines of {@code sweep --progress-lines}: their exact form, parsing, throttling, and a process read and cancelled. */
class SweepProgressLineTest {
    private static final SweepPoint P = new SweepPoint(2, "4", null, 0);

    @Test
    void eachEventHasItsDocumentedLine() {
        assertEquals("hessianscope-progress/1 {\"event\":\"phase\",\"point\":2,\"value\":\"4\",\"phase\":\"training\","
                + "\"detail\":\"as a Spark task on executor 1 (127.0.0.1), attempt 1\"}",
                SweepProgressLine.phase(P, SweepListener.Phase.TRAINING,
                        "as a Spark task on executor 1 (127.0.0.1), attempt 1").format());
        assertEquals("hessianscope-progress/1 {\"event\":\"progress\",\"point\":2,\"value\":\"4\",\"phase\":\"analysis\","
                + "\"done\":3,\"total\":6,\"message\":\"curvature: lanczos 3/6\"}",
                SweepProgressLine.progress(P, SweepListener.Phase.ANALYSIS, 3, 6, "curvature: lanczos 3/6").format());
        assertEquals("hessianscope-progress/1 {\"event\":\"failed\",\"point\":2,\"value\":\"4\","
                + "\"reason\":\"NaN \\\"loss\\\"\\nat step 3\"}",
                SweepProgressLine.failed(new FailedPoint(2, "layers", "4", 0, "NaN \"loss\"\nat step 3")).format(),
                "quotes and a line break are escaped, so an event stays one line");
        assertEquals("hessianscope-progress/1 {\"event\":\"warning\",\"message\":\"point 4: attempt 1 failed\"}",
                SweepProgressLine.warning("point 4: attempt 1 failed").format());
        assertEquals("hessianscope-progress/1 {\"event\":\"done\",\"finished\":3,\"points\":4,\"results\":\"/r/out\"}",
                SweepProgressLine.done(3, 4, "/r/out").format());
        assertEquals("hessianscope-progress/1 {\"event\":\"finished\",\"point\":2,\"value\":\"4\",\"run\":\"/s/run-a\","
                + "\"trained\":true}",
                new SweepProgressLine("finished", 2, "4", "", 0, 0, "", "/s/run-a", true).format());
    }

    @Test
    void everyLineReadsBackAsItWasWritten() {
        List<SweepProgressLine> lines = List.of(
                SweepProgressLine.phase(P, SweepListener.Phase.CHECKING, "mnist-L4-C2-k5-s0-0123456789ab"),
                SweepProgressLine.progress(P, SweepListener.Phase.TRAINING, 5, 10, "epoch 1/1, loss 0.7"),
                new SweepProgressLine("finished", 2, "4", "", 0, 0, "", "/s/run-a", false),
                SweepProgressLine.failed(new FailedPoint(2, "layers", "4", 0, "bad\nspec")),
                SweepProgressLine.warning("damaged run set aside"),
                SweepProgressLine.done(4, 4, "/r/out"));
        for (SweepProgressLine l : lines) {
            assertEquals(Optional.of(l), SweepProgressLine.parse(l.format()), l.format());
            assertFalse(l.format().contains("\n"));
        }
        assertEquals(SweepListener.Phase.TRAINING, lines.get(1).sweepPhase());
        assertTrue(SweepProgressLine.parse(lines.get(5).format()).orElseThrow().trained(), "done: every point finished");
        assertFalse(SweepProgressLine.done(3, 4, "/r").trained());
    }

    @Test
    void otherLinesAndBrokenProgressLinesAreNotEvents() {
        for (String line : new String[]{
                "[3/4 layers=4] training, 1 epoch",
                "",
                "hessianscope-progress/1 not json",
                "hessianscope-progress/1 [1, 2]",
                "hessianscope-progress/2 {\"event\":\"warning\",\"message\":\"a later format\"}",
                "hessianscope-progress/1 {\"event\":\"teleport\",\"point\":1}",
                "hessianscope-progress/1 {\"event\":\"progress\",\"done\":1,\"total\":2}",
                "hessianscope-progress/1 {\"event\":\"finished\",\"point\":1,\"value\":\"2\"}",
                " hessianscope-progress/1 {\"event\":\"warning\",\"message\":\"indented\"}"}) {
            assertEquals(Optional.empty(), SweepProgressLine.parse(line), line);
        }
        assertEquals(Optional.empty(), SweepProgressLine.parse(null));
        // Fields a later version adds are ignored; a phase this version does not know reads as none.
        SweepProgressLine l = SweepProgressLine.parse("hessianscope-progress/1 {\"event\":\"progress\",\"point\":0,"
                + "\"value\":\"2\",\"phase\":\"uploading\",\"done\":1,\"total\":2,\"message\":\"m\",\"host\":\"n1\"}")
                .orElseThrow();
        assertEquals(new SweepProgressLine("progress", 0, "2", "uploading", 1, 2, "m", "", false), l);
        assertEquals(null, l.sweepPhase());
    }

    @Test
    void progressIsPrintedAtMostFourTimesASecondPerPointAndAlwaysWhenComplete() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong now = new AtomicLong();
        List<String> heard = new ArrayList<>();
        SweepListener next = new SweepListener() {
            @Override
            public void progress(SweepPoint point, Phase phase, long done, long total, String message) {
                heard.add(point.value() + ":" + done);
            }
        };
        SweepProgressLines lines = new SweepProgressLines(new PrintStream(bytes, true, StandardCharsets.UTF_8), next,
                now::get);
        SweepPoint other = new SweepPoint(0, "1", null, 0);
        long ms = 1_000_000L;
        lines.progress(P, SweepListener.Phase.TRAINING, 1, 10, "a");   // printed: the point's first
        now.set(100 * ms);
        lines.progress(P, SweepListener.Phase.TRAINING, 2, 10, "b");   // dropped: 100 ms after
        lines.progress(other, SweepListener.Phase.TRAINING, 1, 10, "c"); // printed: another point
        now.set(260 * ms);
        lines.progress(P, SweepListener.Phase.TRAINING, 3, 10, "d");   // printed: 260 ms after the first
        now.set(270 * ms);
        lines.progress(P, SweepListener.Phase.TRAINING, 10, 10, "e");  // printed: complete
        lines.phase(P, SweepListener.Phase.ANALYSIS, "curvature");      // printed, and restarts the point's clock
        lines.progress(P, SweepListener.Phase.ANALYSIS, 1, 6, "f");    // printed
        lines.done(4, 4, "/out");
        List<String> printed = bytes.toString(StandardCharsets.UTF_8).lines()
                .map(s -> SweepProgressLine.parse(s).orElseThrow())
                .map(s -> s.event() + " " + s.value() + " " + s.text()).toList();
        assertEquals(List.of("progress 4 a", "progress 1 c", "progress 4 d", "progress 4 e", "phase 4 curvature",
                "progress 4 f", "done  /out"), printed);
        assertEquals(List.of("4:1", "4:2", "1:1", "4:3", "4:10", "4:1"), heard, "the terminal hears every report");
    }

    @Test
    void aProcessIsFollowedLineByLineAndCancelEndsItsWholeTree() throws Exception {
        assumeTrue(!System.getProperty("os.name", "").startsWith("Windows"), "uses sh");
        String ok = "echo 'starting'; echo '" + SweepProgressLine.progress(P, SweepListener.Phase.TRAINING, 5, 10, "e1")
                .format() + "'; echo 'error: something' >&2; exit 3";
        SweepProcess p = SweepProcess.start(List.of("sh", "-c", ok));
        List<SweepProgressLine> events = new ArrayList<>();
        assertEquals(3, p.follow(events::add, () -> false));
        assertEquals(List.of(SweepProgressLine.progress(P, SweepListener.Phase.TRAINING, 5, 10, "e1")), events);
        assertEquals(List.of("starting", "error: something"), p.lastLines(), "standard error is read too");

        // A launcher that starts a child (as bin/hessianscope starts Java) and waits: Cancel must end both.
        String hold = "sleep 600 & echo \"" + SweepProgressLine.PREFIX
                + "{\\\"event\\\":\\\"warning\\\",\\\"message\\\":\\\"$!\\\"}\"; wait";
        SweepProcess q = SweepProcess.start(List.of("sh", "-c", hold));
        AtomicLong child = new AtomicLong(-1);
        assertEquals(-1, q.follow(e -> child.set(Long.parseLong(e.text())), () -> child.get() > 0));
        ProcessHandle sleeper = ProcessHandle.of(child.get()).orElse(null);
        if (sleeper != null) {
            sleeper.onExit().get(10, TimeUnit.SECONDS);
        }
        assertFalse(ProcessHandle.of(child.get()).map(ProcessHandle::isAlive).orElse(false), "the child was ended");
        assertFalse(ProcessHandle.of(q.pid()).map(ProcessHandle::isAlive).orElse(false), "the launcher was ended");
    }
}
