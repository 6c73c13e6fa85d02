package org.hessianscope.cli.model;

import org.hessianscope.train.TrainingListener;
import org.hessianscope.train.TrainingProgress;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Training progress for a person at a terminal: a bar redrawn in place at most
 * ten times a second, and one summary line at the end of each epoch (the only
 * output when stderr is not a terminal, so logs stay readable).
 */
public final class TrainingProgressBar implements TrainingListener {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private final boolean terminal;
    private long lastDraw;
    private int lastLength;

    TrainingProgressBar(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    static TrainingProgressBar onStderr() {
        return new TrainingProgressBar(System.err, System.console() != null);
    }

    @Override
    public void onProgress(TrainingProgress p) {
        boolean epochEnd = p.batch() == p.batches();
        long now = System.nanoTime();
        if (terminal && (epochEnd || now - lastDraw >= REDRAW_NANOS)) {
            lastDraw = now;
            String line = bar(p);
            out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
            lastLength = line.length();
            out.flush();
        }
        if (epochEnd) {
            if (terminal) {
                out.println();
                lastLength = 0;
            }
            out.printf(Locale.ROOT, "epoch %d/%d: loss %.4f, accuracy %.4f, %.0f samples/s%n", p.epoch(), p.epochs(),
                    p.runningLoss(), p.runningAccuracy(), p.samplesPerSecond());
        }
    }

    static String bar(TrainingProgress p) {
        double f = (double) p.step() / ((long) p.batches() * p.epochs());
        int filled = (int) Math.round(Math.min(1, f) * WIDTH);
        return String.format(Locale.ROOT, "[%s%s] %3d%%  epoch %d/%d  batch %d/%d  loss %.4f  acc %.3f  %.0f samples/s  %s left",
                "#".repeat(filled), ".".repeat(WIDTH - filled), Math.round(f * 100), p.epoch(), p.epochs(), p.batch(),
                p.batches(), p.runningLoss(), p.runningAccuracy(), p.samplesPerSecond(), duration(p.secondsLeft()));
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
