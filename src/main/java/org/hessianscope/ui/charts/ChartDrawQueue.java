package org.hessianscope.ui.charts;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.application.Platform;
import org.jfree.chart.JFreeChart;

/**
 * Draws the charts published to the chart slots one per turn of the JavaFX thread, in the order they were
 * published. The analyses arriving at start-up publish all four charts in one turn, and drawing them there
 * (JFreeChart renders through FXGraphics2D, so it has to be this thread) kept the thread from its pulses for
 * 150-190 ms (issue 17: no stretch over 50 ms). Each drawing is queued behind what the thread has to do by then,
 * a pulse included, so the window repaints between two charts. A slot published again before its turn draws only
 * its latest chart. Used on the JavaFX thread only.
 */
final class ChartDrawQueue {
    private static final Map<ChartPane, JFreeChart> PENDING = new LinkedHashMap<>();
    private static boolean scheduled;

    private ChartDrawQueue() {
    }

    /** Draws {@code chart} in {@code pane} in a later turn (after the slots published before it). */
    static void draw(ChartPane pane, JFreeChart chart) {
        PENDING.remove(pane); // a newer chart takes the slot's place at the end, after the charts published before it
        PENDING.put(pane, chart);
        if (!scheduled) {
            scheduled = true;
            Platform.runLater(ChartDrawQueue::next);
        }
    }

    /** Forgets what {@code pane} was to draw (it shows nothing now). */
    static void cancel(ChartPane pane) {
        PENDING.remove(pane);
    }

    private static void next() {
        Iterator<Map.Entry<ChartPane, JFreeChart>> it = PENDING.entrySet().iterator();
        if (it.hasNext()) {
            Map.Entry<ChartPane, JFreeChart> e = it.next();
            it.remove();
            e.getKey().drawNow(e.getValue());
        }
        if (PENDING.isEmpty()) {
            scheduled = false;
        } else {
            Platform.runLater(ChartDrawQueue::next);
        }
    }
}
