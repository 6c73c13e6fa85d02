package org.hessianscope.figure;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The one typeface every figure is drawn in: DejaVu Sans (regular and bold), shipped in the jar
 * under {@code fonts/} with its licence, not taken from the system. The PDF export embeds the same
 * files, so a PDF lays out exactly as the PNG and keeps its text as text with every symbol the
 * figures use (‖, σ, θ̂, subscripts, ≤), also where no DejaVu is installed (the app image).
 */
public final class FigureFonts {
    static final String REGULAR = "fonts/DejaVuSans.ttf";
    static final String BOLD = "fonts/DejaVuSans-Bold.ttf";
    private static final Font REGULAR_FONT = load(REGULAR);
    private static final Font BOLD_FONT = load(BOLD);

    private FigureFonts() {
    }

    /** DejaVu Sans in {@code style} ({@link Font#PLAIN} or {@link Font#BOLD}; italic is not shipped) at {@code size} points. */
    public static Font of(int style, float size) {
        return ((style & Font.BOLD) != 0 ? BOLD_FONT : REGULAR_FONT).deriveFont(size);
    }

    /** True for a font drawn from the bold file. */
    static boolean isBold(Font font) {
        return font.getFontName().equals(BOLD_FONT.getFontName());
    }

    /** The bytes of the font file {@code resource}, for embedding. */
    static byte[] bytes(String resource) {
        try (InputStream in = open(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Font load(String resource) {
        try (InputStream in = open(resource)) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException(resource + " is not a TrueType font", e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = FigureFonts.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " is missing from the build");
        }
        return in;
    }
}
