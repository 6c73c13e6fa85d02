package org.hessianscope.figure;

import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;

/**
 * Names the run a one-run chart (spectrum, per-sample) is of, under its title, so an exported
 * figure says which run it shows (issue 17, defects 8 and 16), and a file name made from the
 * same short label.
 */
public final class RunCaption {
    /** Text before the run's label in the caption. */
    public static final String PREFIX = "run: ";

    private RunCaption() {
    }

    /** Adds "run: {@code label}" below {@code chart}'s title, a little smaller than it. */
    public static void name(JFreeChart chart, String label) {
        Font title = chart.getTitle() != null ? chart.getTitle().getFont() : FigureFonts.of(Font.PLAIN, 12);
        TextTitle caption = new TextTitle(PREFIX + label, FigureFonts.of(Font.PLAIN, Math.max(9f, title.getSize2D() * 0.8f)));
        caption.setPosition(RectangleEdge.TOP);
        chart.addSubtitle(0, caption);
    }

    /** The caption {@link #name} added, or null. */
    public static String of(JFreeChart chart) {
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof TextTitle t && t.getText().startsWith(PREFIX)) {
                return t.getText().substring(PREFIX.length());
            }
        }
        return null;
    }

    /**
     * {@code chart} (e.g. "persample") and the runs' labels as a file name: "persample-L=4_C=8_max@2_seed_1".
     * Characters no file system takes become "_"; more than three runs are counted, not listed.
     */
    public static String fileName(String chart, java.util.List<String> labels) {
        if (labels.isEmpty()) {
            return chart;
        }
        String runs = labels.size() > 3 ? labels.size() + "-runs" : String.join("+", labels);
        return chart + "-" + runs.replaceAll("[\\s/\\\\:*?\"<>|]+", "_");
    }
}
