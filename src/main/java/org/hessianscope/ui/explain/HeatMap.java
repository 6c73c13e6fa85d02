package org.hessianscope.ui.explain;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.hessianscope.figure.ColourMap;
import org.hessianscope.figure.ColourScale;

/**
 * A matrix drawn as coloured cells in the landscape pictures' colour map ({@link ColourMap}) through a
 * {@link ColourScale}, so the {@link ColourBar} beside it reads off the value of every colour.
 */
public final class HeatMap extends Canvas {
    private final double maxSide;

    HeatMap(double maxSide) {
        this.maxSide = maxSide;
    }

    void draw(double[][] m, ColourScale scale) {
        int rows = m.length;
        int cols = m[0].length;
        double cell = Math.max(1, Math.floor(maxSide / Math.max(rows, cols)));
        setWidth(cols * cell);
        setHeight(rows * cell);
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                g.setFill(colour(scale.rgb(m[r][c])));
                g.fillRect(c * cell, r * cell, cell, cell);
            }
        }
        g.setStroke(Color.GRAY);
        g.strokeRect(0, 0, getWidth(), getHeight());
    }

    static Color colour(int rgb) {
        return Color.rgb((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
    }
}
