package org.hessianscope.ui;

import javafx.geometry.Rectangle2D;

/**
 * The window's size on the screen it opens on: the asked size (1600×1000 by default) made to fit the screen's
 * usable area. On a 1280×720 projector the window opened at 1600×1000, its right side and bottom off the screen,
 * Train and the run list's buttons out of reach (issue 17, a class at 1280×720).
 */
record WindowSize(double width, double height) {
    /** {@code width}×{@code height}, no larger than {@code visual} (the screen without its task bars). */
    static WindowSize fit(double width, double height, Rectangle2D visual) {
        return new WindowSize(Math.min(width, visual.getWidth()), Math.min(height, visual.getHeight()));
    }
}
