package org.hessianscope.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import org.junit.jupiter.api.Test;

class SurfaceFigureTest {

    @Test
    void theColourMapRunsFromViridisDarkToYellow() {
        assertEquals(new Color(0x440154), SurfaceFigures.colour(0));
        assertEquals(new Color(0xfde725), SurfaceFigures.colour(1));
        assertEquals(new Color(0x21918c), SurfaceFigures.colour(0.5));
        assertEquals(SurfaceFigures.colour(1), SurfaceFigures.colour(7), "clamped");
    }
}
