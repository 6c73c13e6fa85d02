package org.hessianscope.ui.charts;

import org.hessianscope.ui.common.Messages;
import java.io.IOException;
import java.nio.file.Path;
import javafx.beans.value.ObservableObjectValue;
import org.hessianscope.figure.FigureExport;
import org.jfree.chart.JFreeChart;

/**
 * Export of a chart through the figure package: PNG drawn at 1×, 2× or 3× (re-rendered at
 * that scale, not enlarged), SVG, PDF or the data as CSV, chosen by the file's extension.
 */
public final class ExportViewModel {
    /** Size of an exported figure in points: about a journal column at the paper's font sizes. */
    public static final int WIDTH = 800;
    public static final int HEIGHT = 500;
    private final Messages messages;
    private final java.util.function.UnaryOperator<String> names;

    public ExportViewModel(Messages messages) {
        this(messages, java.util.function.UnaryOperator.identity());
    }

    /** {@code names} turns a chart's name ("persample") into the file name offered, e.g. with its runs' labels. */
    public ExportViewModel(Messages messages, java.util.function.UnaryOperator<String> names) {
        this.messages = messages;
        this.names = names;
    }

    /** The file name (without extension) an export of chart {@code chart} suggests. */
    public String suggestedName(String chart) {
        return names.apply(chart);
    }

    /** Writes {@code chart} to {@code file}; false (with a message saying why) when there is nothing or it failed. */
    public boolean export(ObservableObjectValue<JFreeChart> chart, Path file, int scale) {
        JFreeChart c = chart.get();
        if (c == null) {
            messages.info("nothing to export yet: the chart is empty");
            return false;
        }
        try {
            FigureExport.write(c, file, WIDTH, HEIGHT, scale);
            messages.info("wrote " + file);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            messages.error("export to " + file, e);
            return false;
        }
    }
}
