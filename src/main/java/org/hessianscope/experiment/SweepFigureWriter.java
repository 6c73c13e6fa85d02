package org.hessianscope.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Draws a finished sweep's figures into its results folder. The drawing lives in the figure
 * package (it needs a chart library, which the numeric packages do not load); the front ends hand
 * {@code org.hessianscope.figure.SweepFigures.WRITER} to {@link SweepReport#write}, which calls it
 * between the sweep file and the summary.
 */
@FunctionalInterface
public interface SweepFigureWriter {
    /** Writes the figures into {@code dir}; returns the files written. */
    List<Path> write(SweepResult result, Path dir) throws IOException;
}
