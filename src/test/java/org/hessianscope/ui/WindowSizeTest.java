package org.hessianscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** The window opens no larger than its screen's usable area (a 1280×720 projector cut the default 1600×1000). */
class WindowSizeTest {
    @Test
    void theAskedSizeShrinksToTheScreenAndNeverGrows() {
        assertEquals(new WindowSize(1280, 720), WindowSize.fit(1600, 1000, new Rectangle2D(0, 0, 1280, 720)));
        // A task bar of 40 px at the bottom of a 1366×768 laptop: the height gives way, the width fits.
        assertEquals(new WindowSize(1366, 728), WindowSize.fit(1600, 1000, new Rectangle2D(0, 0, 1366, 728)));
        assertEquals(new WindowSize(1600, 1000), WindowSize.fit(1600, 1000, new Rectangle2D(0, 0, 2560, 1440)));
        assertEquals(new WindowSize(1280, 720), WindowSize.fit(1280, 720, new Rectangle2D(1920, 0, 1920, 1080)));
    }
}
