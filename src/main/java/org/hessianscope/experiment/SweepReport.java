package org.hessianscope.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hessianscope.io.AtomicFiles;
import org.hessianscope.io.UserFolders;

/**
 * Writes a finished sweep's results folder: {@code sweep.yaml} (what ran), {@code summary.json},
 * {@code summary.csv} and the figures, which the caller's {@link SweepFigureWriter} draws
 * (experiment itself draws nothing). The summary goes last, so a folder with a summary is
 * complete.
 */
public final class SweepReport {
    public static final String SWEEP_FILE = "sweep.yaml";

    private SweepReport() {
    }

    /** {@code sweeps/NAME} in {@link UserFolders#sweeps()} ({@code ~/.local/share/hessianscope/sweeps/NAME}). */
    public static Path defaultFolder(String name) {
        return UserFolders.ofSystem().sweeps().resolve(name);
    }

    public static SweepSummary write(SweepResult result, RunStore store, Path dir, SweepFigureWriter figures)
            throws IOException {
        Files.createDirectories(dir);
        SweepSummary summary = SweepSummary.of(result, store);
        AtomicFiles.write(dir.resolve(SWEEP_FILE), summary.sweepYaml().getBytes(StandardCharsets.UTF_8));
        if (!result.points().isEmpty()) {
            figures.write(result, dir);   // every point failed: a summary with their reasons, nothing to draw
        }
        summary.write(dir);
        return summary;
    }
}
