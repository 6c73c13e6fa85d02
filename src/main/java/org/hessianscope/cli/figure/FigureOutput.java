package org.hessianscope.cli.figure;

import org.hessianscope.figure.FigureExport;
import org.hessianscope.figure.FigureStyle;
import org.jfree.chart.JFreeChart;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/** Options shared by the figure commands: style, size, scale and the output files. */
public final class FigureOutput {
    @Option(names = "--out", paramLabel = "FIG.(png|svg|pdf)", required = true,
            description = "The figure; its extension chooses the format.")
    Path out;

    @Option(names = "--csv", paramLabel = "FIG.csv", description = "The chart's data, one column per series.")
    Path csv;

    @Option(names = "--paper-style", description = "The authors' conventions: white, no title, larger fonts, titled legend.")
    boolean paperStyle;

    @Option(names = "--legend-title", paramLabel = "TEXT",
            description = "Title above the run legend, e.g. \"L (num of layers)\" (paper style default: none).")
    String legendTitle;

    @Option(names = "--scale", defaultValue = "1", description = "PNG pixel scale 1, 2 or 3 (default ${DEFAULT-VALUE}).")
    int scale;

    @Option(names = "--width", defaultValue = "800", description = "Width in points (default ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "500", description = "Height in points (default ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--linear-x", description = "Linear x axis instead of log.")
    boolean linearX;

    FigureStyle style() {
        FigureStyle s = paperStyle ? FigureStyle.paper(legendTitle) : FigureStyle.screen().withLegendTitle(legendTitle);
        return s.withLogX(!linearX);
    }

    /** Checks the options before any work, so a typo costs no analysis time. */
    void validate() {
        if (scale < 1 || scale > 3) {
            throw new IllegalArgumentException("--scale = " + scale + ": use 1, 2 or 3");
        }
        FigureExport.Format format = FigureExport.Format.of(out);
        if (format == FigureExport.Format.CSV) {
            throw new IllegalArgumentException("--out " + out + ": give the figure as .png, .svg or .pdf and the data with --csv");
        }
        if (csv != null && FigureExport.Format.of(csv) != FigureExport.Format.CSV) {
            throw new IllegalArgumentException("--csv " + csv + ": the data file must end in .csv");
        }
    }

    void write(JFreeChart chart) throws IOException {
        validate();
        FigureExport.write(chart, out, width, height, scale);
        if (csv != null) {
            FigureExport.writeCsv(chart, csv);
        }
        System.out.println("wrote " + out + (csv != null ? " and " + csv : ""));
    }
}
