package org.hessianscope.cli.model;

import org.hessianscope.train.TrainingProgress;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

public class TrainingProgressBarTest {

    @Test
    void barShowsProgressOverAllEpochsAndTimeLeft() {
        // Step 3 of 2 epochs × 4 batches = 37.5 %: 11 of 30 cells (round(11.25)).
        TrainingProgress p = new TrainingProgress(1, 2, 3, 4, 3, 0.9, 0.5, 1.23456, 0.625, 1234.4, 3725);
        assertEquals("[###########...................]  38%  epoch 1/2  batch 3/4  loss 1.2346  acc 0.625  1234 samples/s  1:02:05 left",
                TrainingProgressBar.bar(p));
        assertEquals("0:59", TrainingProgressBar.duration(59.4));
        assertEquals("2:00", TrainingProgressBar.duration(119.6));
    }

    @Test
    void offATerminalOnlyEpochSummariesArePrinted() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TrainingProgressBar bar = new TrainingProgressBar(new PrintStream(out, true, StandardCharsets.UTF_8), false);
        bar.onProgress(new TrainingProgress(1, 1, 1, 2, 1, 2, 0, 2, 0, 100, 1));
        bar.onProgress(new TrainingProgress(1, 1, 2, 2, 2, 1, 1, 1.5, 0.5, 200, 0));
        assertEquals("epoch 1/1: loss 1.5000, accuracy 0.5000, 200 samples/s" + System.lineSeparator(),
                out.toString(StandardCharsets.UTF_8));
    }
}
