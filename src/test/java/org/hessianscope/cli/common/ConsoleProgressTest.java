package org.hessianscope.cli.common;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

public class ConsoleProgressTest {

    @Test
    void barShowsFractionAndMegabytes() {
        // 1,250,000 of 5,000,000 bytes = 25 %: 30 × 0.25 = 7.5, rounded to 8 marks.
        assertEquals("[########......................]  25%  1.3 MB / 5.0 MB  mnist/x.gz",
                ConsoleProgress.line(1_250_000, 5_000_000, "mnist/x.gz"));
        assertEquals("[##############################] 100%  5.0 MB / 5.0 MB  done",
                ConsoleProgress.line(5_000_000, 5_000_000, "done"));
        // Unknown total (no Content-Length): only the bytes so far.
        assertEquals("0.3 MB  f", ConsoleProgress.line(300_000, -1, "f"));
    }

    @Test
    void offATerminalNothingIsDrawn() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress p = new ConsoleProgress(new PrintStream(bytes), false);
        p.progress(1, 2, "x");
        p.finish();
        assertEquals(0, bytes.size());
    }

    @Test
    void aNewMessageStartsANewLineAndTheLastReportIsAlwaysDrawn() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress p = new ConsoleProgress(new PrintStream(bytes), true);
        p.progress(0, 10, "a");
        p.progress(10, 10, "a");
        p.progress(5, 10, "b");
        p.finish();
        String[] lines = bytes.toString().split("\n");
        assertEquals(2, lines.length);
        assertEquals("\r" + ConsoleProgress.line(0, 10, "a") + "\r" + ConsoleProgress.line(10, 10, "a"), lines[0]);
        assertEquals("\r" + ConsoleProgress.line(5, 10, "b"), lines[1]);
    }
}
