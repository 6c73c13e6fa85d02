package org.hessianscope.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.DefaultXYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Charts published together are drawn in separate turns of the JavaFX thread, in the order published, and a slot
 * published twice before its turn draws only its latest chart: the four charts drawn in the one turn that brought
 * the analyses in kept the thread from its pulses for 150-190 ms at start-up (issue 17: 50 ms at most).
 */
@ExtendWith(ApplicationExtension.class)
class ChartDrawQueueTest {
    private final SimpleObjectProperty<JFreeChart> first = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<JFreeChart> second = new SimpleObjectProperty<>();
    private ChartPane one;
    private ChartPane two;

    @Start
    void start(Stage stage) {
        one = new ChartPane("chart-one", first, new SimpleStringProperty("none yet"));
        two = new ChartPane("chart-two", second, new SimpleStringProperty("none yet"));
        stage.setScene(new Scene(new HBox(one, two), 800, 320));
        stage.show();
    }

    @Test
    void chartsPublishedInOneTurnAreDrawnInTurnsOfTheirOwn(FxRobot robot) {
        JFreeChart a = chart("a");
        JFreeChart b = chart("b");
        List<String> seen = new ArrayList<>();
        robot.interact(() -> {
            first.set(a);
            second.set(b);
            seen.add("publishing turn: " + drawn());
            // Queued behind the first drawing's turn, ahead of the second's.
            Platform.runLater(() -> seen.add("next turn: " + drawn()));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("publishing turn: none", "next turn: a"), seen);
        assertSame(a, one.drawnProperty().get());
        assertSame(b, two.drawnProperty().get());
        assertSame(b, two.viewer().getChart());
        assertTrue(one.viewer().isVisible() && two.viewer().isVisible());
    }

    @Test
    void aSlotPublishedTwiceBeforeItsTurnDrawsItsLatestChartOnce(FxRobot robot) {
        JFreeChart stale = chart("stale");
        JFreeChart latest = chart("latest");
        int[] staleDrawings = {0};
        stale.addProgressListener(e -> staleDrawings[0]++);
        robot.interact(() -> {
            first.set(stale);
            first.set(latest);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(latest, one.drawnProperty().get());
        assertEquals(0, staleDrawings[0], "the replaced chart was never drawn");
    }

    @Test
    void aSlotEmptiedBeforeItsTurnDrawsNothing(FxRobot robot) {
        robot.interact(() -> {
            first.set(chart("gone"));
            first.set(null);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(one.drawnProperty().get());
        assertFalse(one.viewer().isVisible(), "the hint shows, not a chart");
    }

    private String drawn() {
        String a = title(one.drawnProperty().get());
        String b = title(two.drawnProperty().get());
        return a == null && b == null ? "none" : String.join("+", java.util.stream.Stream.of(a, b)
                .filter(java.util.Objects::nonNull).toList());
    }

    private static String title(JFreeChart c) {
        return c == null ? null : c.getTitle().getText();
    }

    private static JFreeChart chart(String title) {
        DefaultXYDataset data = new DefaultXYDataset();
        data.addSeries("s", new double[][] {{1, 2, 3}, {1, 4, 9}});
        return ChartFactory.createXYLineChart(title, "x", "y", data);
    }
}
