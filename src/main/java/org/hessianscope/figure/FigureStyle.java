package org.hessianscope.figure;

import java.awt.Color;
import java.awt.Font;

/**
 * How a figure looks, independent of what it shows. {@link #screen()} suits an
 * interactive window; {@link #paper(String)} follows the authors' figures (log y,
 * white background, a titled legend, fonts that stay readable when the figure is
 * shrunk to a column width).
 *
 * @param paper       true for the paper conventions (no chart title, titled legend, larger fonts)
 * @param legendTitle text above the legend entries of the runs, e.g. "L (num of layers)"; null for none
 * @param logX        log x axis (k spans four decades, so the paper's curves read best on log k)
 * @param fontSize    base font size in points; tick labels use it, axis labels and legend are a bit larger
 * @param lineWidth   width of the main curves in points
 * @param columns     display columns that long curves are reduced to (see {@link CurveReducer}); 2,000
 *                    covers a full-screen chart, and a 3× export still looks continuous because curves are
 *                    smooth at that resolution
 * @param legendBelow the legend flows in rows below the plot instead of a column beside it: a window's
 *                    chart is a quarter of the screen, and the paper's legend column took most of its width
 */
public record FigureStyle(boolean paper, String legendTitle, boolean logX, float fontSize, float lineWidth,
                          int columns, boolean legendBelow) {

    public static final int DEFAULT_COLUMNS = 2000;

    public FigureStyle {
        if (!(fontSize > 0) || !(lineWidth > 0)) {
            throw new IllegalArgumentException("fontSize = " + fontSize + ", lineWidth = " + lineWidth
                    + "; both must be positive");
        }
        if (columns < 2) {
            throw new IllegalArgumentException("columns = " + columns + "; need at least 2");
        }
    }

    /** For a window: log x, 12 pt, no legend title. */
    public static FigureStyle screen() {
        return new FigureStyle(false, null, true, 12f, 1.5f, DEFAULT_COLUMNS, false);
    }

    /** The authors' conventions with the given legend title (e.g. "L (num of layers)"). */
    public static FigureStyle paper(String legendTitle) {
        return new FigureStyle(true, legendTitle, true, 15f, 2f, DEFAULT_COLUMNS, false);
    }

    public FigureStyle withLegendTitle(String title) {
        return new FigureStyle(paper, title, logX, fontSize, lineWidth, columns, legendBelow);
    }

    public FigureStyle withLogX(boolean log) {
        return new FigureStyle(paper, legendTitle, log, fontSize, lineWidth, columns, legendBelow);
    }

    public FigureStyle withColumns(int c) {
        return new FigureStyle(paper, legendTitle, logX, fontSize, lineWidth, c, legendBelow);
    }

    /**
     * Fonts {@code fonts} times and lines {@code lines} times as large (presenter mode reads from the
     * back of a room); 1 and 1 is this style.
     */
    public FigureStyle scaled(double fonts, double lines) {
        if (!(fonts > 0) || !(lines > 0)) {
            throw new IllegalArgumentException("fonts = " + fonts + ", lines = " + lines + "; both must be positive");
        }
        return fonts == 1 && lines == 1 ? this : new FigureStyle(paper, legendTitle, logX, (float) (fontSize * fonts),
                (float) (lineWidth * lines), columns, legendBelow);
    }

    public FigureStyle withLegendBelow(boolean below) {
        return new FigureStyle(paper, legendTitle, logX, fontSize, lineWidth, columns, below);
    }

    Font tickFont() {
        return FigureFonts.of(Font.PLAIN, Math.round(fontSize));
    }

    Font labelFont() {
        return FigureFonts.of(Font.PLAIN, Math.round(fontSize * 1.15f));
    }

    Font legendFont() {
        return FigureFonts.of(Font.PLAIN, Math.round(fontSize * (paper ? 1.0f : 0.95f)));
    }

    Font titleFont() {
        return FigureFonts.of(Font.BOLD, Math.round(fontSize * 1.3f));
    }

    Color gridColour() {
        return paper ? new Color(0xDD, 0xDD, 0xDD) : new Color(0xC8, 0xC8, 0xC8);
    }
}
