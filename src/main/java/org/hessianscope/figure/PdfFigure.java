package org.hessianscope.figure;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontMapper;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfGraphics2D;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Font;
import java.awt.font.GlyphVector;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.jfree.chart.JFreeChart;

/**
 * A chart as a one-page PDF drawn through OpenPDF's Graphics2D, its text kept as text in the
 * embedded DejaVu Sans ({@link FigureFonts}; subset, Identity-H, so every Unicode symbol the
 * figures use survives and pdftotext finds it), and title, subject and author in the document
 * information as Unicode.
 */
final class PdfFigure {
    private static final FontFile REGULAR = new FontFile(FigureFonts.REGULAR);
    private static final FontFile BOLD = new FontFile(FigureFonts.BOLD);

    private PdfFigure() {
    }

    static byte[] of(JFreeChart chart, int width, int height, String title, String subject) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(new Rectangle(width, height), 0, 0, 0, 0);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.addTitle(title);
            if (subject != null) {
                document.addSubject(subject);
            }
            document.addAuthor("HessianScope");
            document.addCreator("HessianScope");
            document.open();
            PdfContentByte cb = writer.getDirectContent();
            TextGraphics g2 = new TextGraphics(cb, width, height);
            try {
                chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
            } finally {
                g2.dispose();
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("writing the PDF: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** Every figure font is DejaVu Sans: the bold file for bold text, the regular one otherwise. */
    private static final FontMapper MAPPER = new FontMapper() {
        @Override
        public BaseFont awtToPdf(Font font) {
            return file(font).pdf();
        }

        @Override
        public Font pdfToAwt(BaseFont font, int size) {
            return FigureFonts.of(font == BOLD.pdf() ? Font.BOLD : Font.PLAIN, size);
        }
    };

    private static FontFile file(Font font) {
        return FigureFonts.isBold(font) || font.isBold() ? BOLD : REGULAR;
    }

    /**
     * OpenPDF's Graphics2D, except that glyph vectors in a figure font become text too: JFreeChart
     * draws attributed labels (axis labels and titles with lowered subscripts) through a TextLayout,
     * which hands the Graphics2D glyphs, not characters, and OpenPDF would fill their outlines.
     */
    private static final class TextGraphics extends PdfGraphics2D {
        TextGraphics(PdfContentByte cb, float width, float height) {
            super(cb, width, height, MAPPER, false, false, 0);
        }

        private TextGraphics(TextGraphics parent) {
            super(parent);
        }

        @Override
        protected PdfGraphics2D createChild() {
            return new TextGraphics(this);
        }

        @Override
        public void drawGlyphVector(GlyphVector glyphs, float x, float y) {
            String text = file(glyphs.getFont()).text(glyphs);
            if (text == null) {
                super.drawGlyphVector(glyphs, x, y);
                return;
            }
            Font saved = getFont();
            setFont(unshifted(glyphs.getFont()));
            try {
                // One glyph at a time where the layout put it: OpenPDF stretches a string to the width AWT
                // measures for it, which for a raised or lowered run (a transformed font) pulled its
                // characters on top of each other.
                for (int i = 0; i < glyphs.getNumGlyphs(); i++) {
                    Point2D at = glyphs.getGlyphPosition(i);
                    drawString(text.substring(i, i + 1), x + (float) at.getX(), y + (float) at.getY());
                }
            } finally {
                setFont(saved);
            }
        }
    }

    /**
     * {@code font} without the baseline shift of a raised or lowered run: the glyph positions of the
     * layout already hold it, and the font's transform would move the text as far again.
     */
    private static Font unshifted(Font font) {
        java.awt.geom.AffineTransform t = font.getTransform();
        if (t.getTranslateX() == 0 && t.getTranslateY() == 0) {
            return font;
        }
        java.util.Map<java.awt.font.TextAttribute, Object> a = new java.util.HashMap<>();
        a.put(java.awt.font.TextAttribute.SUPERSCRIPT, 0);
        a.put(java.awt.font.TextAttribute.TRANSFORM, new java.awt.geom.AffineTransform(t.getScaleX(), t.getShearY(),
                t.getShearX(), t.getScaleY(), 0, 0));
        return font.deriveFont(a);
    }

    /** One embedded font file: its PDF font and the character of each glyph, to turn glyphs back into text. */
    private static final class FontFile {
        private final String resource;
        private BaseFont pdf;
        private Map<Integer, Character> chars;
        private Font awt;

        FontFile(String resource) {
            this.resource = resource;
        }

        synchronized BaseFont pdf() {
            if (pdf == null) {
                try {
                    pdf = BaseFont.createFont(resource.substring(resource.lastIndexOf('/') + 1), BaseFont.IDENTITY_H,
                            BaseFont.EMBEDDED, BaseFont.NOT_CACHED, FigureFonts.bytes(resource), null);
                } catch (DocumentException | IOException e) {
                    throw new IllegalStateException(resource + ": " + e.getMessage(), e);
                }
            }
            return pdf;
        }

        /**
         * The characters of {@code glyphs}, one per glyph, or null when they are not all plain glyphs of
         * this file (another font, a ligature, a glyph no single character maps to).
         */
        synchronized String text(GlyphVector glyphs) {
            Font font = glyphs.getFont();
            if (!font.getFontName().equals(awtName())) {
                return null;
            }
            if (chars == null) {
                // Glyph codes of a TrueType font are its glyph indices; map each back to its first character.
                chars = new HashMap<>();
                java.awt.font.FontRenderContext frc = new java.awt.font.FontRenderContext(null, false, false);
                for (int c = 0; c <= 0xFFFF; c++) {
                    if (!Character.isSurrogate((char) c) && awt.canDisplay(c)) {
                        chars.putIfAbsent(awt.createGlyphVector(frc, new char[] {(char) c}).getGlyphCode(0), (char) c);
                    }
                }
            }
            StringBuilder s = new StringBuilder(glyphs.getNumGlyphs());
            for (int i = 0; i < glyphs.getNumGlyphs(); i++) {
                Character c = chars.get(glyphs.getGlyphCode(i));
                if (c == null) {
                    return null;
                }
                s.append(c.charValue());
            }
            return s.toString();
        }

        private String awtName() {
            if (awt == null) {
                awt = FigureFonts.of(this == BOLD ? Font.BOLD : Font.PLAIN, 10);
            }
            return awt.getFontName();
        }
    }
}
