package org.hessianscope.ui.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import org.hessianscope.figure.ColourScale;

/** The colour bar beside a {@link HeatMap}: the scale's colours from max (top) to min (bottom) with their values. */
public final class ColourBar extends HBox {
    /** Tick values from the top of the bar down: max, half of it, 0, …, min for a scale symmetric about 0. */
    static final int TICKS = 5;
    private final Canvas strip = new Canvas(14, 100);
    private final Pane labels = new Pane();

    ColourBar() {
        super(4);
        labels.setMinWidth(64);
        getChildren().addAll(strip, labels);
    }

    /** Redraws the bar {@code height} pixels tall for {@code scale}. */
    void draw(ColourScale scale, double height) {
        double h = Math.max(40, height);
        strip.setHeight(h);
        GraphicsContext g = strip.getGraphicsContext2D();
        g.clearRect(0, 0, strip.getWidth(), h);
        for (int y = 0; y < h; y++) {
            double v = scale.max() - (scale.max() - scale.min()) * y / Math.max(1, h - 1);
            g.setFill(HeatMap.colour(scale.rgb(v)));
            g.fillRect(0, y, strip.getWidth(), 1);
        }
        g.setStroke(Color.GRAY);
        g.strokeRect(0, 0, strip.getWidth(), h);
        labels.getChildren().clear();
        List<Double> ticks = ticks(scale);
        for (int i = 0; i < ticks.size(); i++) {
            Label l = new Label(format(ticks.get(i)));
            l.getStyleClass().add("colour-bar-tick");
            l.setLayoutY(i * (h - 1) / (ticks.size() - 1) - 8);
            labels.getChildren().add(l);
        }
        labels.setPrefHeight(h);
    }

    /** The values written beside the bar, top to bottom. */
    static List<Double> ticks(ColourScale scale) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < TICKS; i++) {
            out.add(scale.max() - (scale.max() - scale.min()) * i / (TICKS - 1));
        }
        return out;
    }

    static String format(double v) {
        return v == 0 ? "0" : String.format(Locale.ROOT, "%.3g", v);
    }

    /** The tick labels as shown, top to bottom. */
    public List<String> tickTexts() {
        return labels.getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }
}
