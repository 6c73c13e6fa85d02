package org.hessianscope.ui.explain;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** A matrix drawn as coloured cells: blue negative, white zero, red positive, scaled by the largest |value|. */
public final class HeatMap extends Canvas {
    private final double maxSide;

    HeatMap(double maxSide) {
        this.maxSide = maxSide;
    }

    void draw(double[][] m) {
        int rows = m.length;
        int cols = m[0].length;
        double cell = Math.max(1, Math.floor(maxSide / Math.max(rows, cols)));
        setWidth(cols * cell);
        setHeight(rows * cell);
        double max = 0;
        for (double[] row : m) {
            for (double v : row) {
                max = Math.max(max, Math.abs(v));
            }
        }
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double t = max == 0 ? 0 : m[r][c] / max;
                g.setFill(t >= 0 ? Color.WHITE.interpolate(Color.web("#d62728"), t)
                        : Color.WHITE.interpolate(Color.web("#1f77b4"), -t));
                g.fillRect(c * cell, r * cell, cell, cell);
            }
        }
        g.setStroke(Color.GRAY);
        g.strokeRect(0, 0, getWidth(), getHeight());
    }
}
