package org.hessianscope.figure;

import org.hessianscope.io.AtomicFiles;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a chart as PNG, SVG or PDF, and its data as CSV. Sizes are in points (1/72 inch,
 * which is also a CSS pixel at scale 1): the chart is laid out once at width × height and a
 * PNG at scale s is the same layout drawn into an s-times larger raster, so text and lines
 * are sharp at that scale rather than enlarged pixels. Every write goes to a temporary file
 * that is renamed over the target, so a failed export leaves any previous file intact.
 */
public final class FigureExport {
    public static final int MAX_SCALE = 4;
    /** Largest raster side; beyond it a PNG is more than anyone needs for a figure. */
    public static final int MAX_PIXELS = 16_000;

    public enum Format {
        PNG, SVG, PDF, CSV;

        /** The format named by the file's extension, or a clear error listing the valid ones. */
        public static Format of(Path file) {
            String name = file.getFileName() == null ? "" : file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            String ext = dot < 0 ? "" : name.substring(dot + 1).toUpperCase(Locale.ROOT);
            for (Format f : values()) {
                if (f.name().equals(ext)) {
                    return f;
                }
            }
            throw new IllegalArgumentException(file + ": unknown figure format '" + ext.toLowerCase(Locale.ROOT)
                    + "'; use .png, .svg, .pdf or .csv");
        }
    }

    private FigureExport() {
    }

    /** Writes the format named by the file's extension; {@code scale} only matters for PNG. */
    public static void write(JFreeChart chart, Path file, int width, int height, int scale) throws IOException {
        byte[] bytes = switch (Format.of(file)) {
            case PNG -> png(chart, width, height, scale);
            case SVG -> svg(chart, width, height).getBytes(StandardCharsets.UTF_8);
            case PDF -> pdf(chart, width, height);
            case CSV -> ChartCsv.of(chart).getBytes(StandardCharsets.UTF_8);
        };
        AtomicFiles.write(file, bytes);
    }

    /** The chart's data: one column per series, rows aligned on x. */
    public static void writeCsv(JFreeChart chart, Path file) throws IOException {
        AtomicFiles.write(file, ChartCsv.of(chart).getBytes(StandardCharsets.UTF_8));
    }

    /** The chart drawn at width × height points into a raster of (width·scale) × (height·scale) pixels. */
    public static BufferedImage image(JFreeChart chart, int width, int height, int scale) {
        requireSize(width, height);
        if (scale < 1 || scale > MAX_SCALE) {
            throw new IllegalArgumentException("scale = " + scale + "; use 1 to " + MAX_SCALE);
        }
        if ((long) width * scale > MAX_PIXELS || (long) height * scale > MAX_PIXELS) {
            throw new IllegalArgumentException(width + "×" + height + " at scale " + scale + " exceeds "
                    + MAX_PIXELS + " pixels per side");
        }
        BufferedImage image = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g2 = image.createGraphics();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g2.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g2.scale(scale, scale);
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g2.dispose();
        }
        return image;
    }

    public static byte[] png(JFreeChart chart, int width, int height, int scale) {
        BufferedImage image = image(chart, width, height, scale);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * An SVG document drawn with JFreeSVG 5 (JFreeChart's own SVG export expects version 4).
     * It has no DOCTYPE: the SVG 1.1 DTD is deprecated, and XML parsers would try to fetch it
     * from w3.org, which fails offline.
     */
    public static String svg(JFreeChart chart, int width, int height) {
        requireSize(width, height);
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + g2.getSVGElement() + "\n";
    }

    /**
     * A one-page PDF of width × height points (see {@link PdfFigure}): text stays text in the
     * embedded DejaVu Sans. Its title is the chart's title exactly; its subject names the run a
     * one-run chart is of, as the caption under the title does.
     */
    public static byte[] pdf(JFreeChart chart, int width, int height) {
        requireSize(width, height);
        String run = RunCaption.of(chart);
        String title = chart.getTitle() != null ? chart.getTitle().getText() : "HessianScope figure";
        return PdfFigure.of(chart, width, height, title, run == null ? null : RunCaption.PREFIX + run);
    }

    private static void requireSize(int width, int height) {
        if (width < 50 || height < 50 || width > MAX_PIXELS || height > MAX_PIXELS) {
            throw new IllegalArgumentException("figure size " + width + "×" + height + "; each side must be 50 to "
                    + MAX_PIXELS + " points");
        }
    }
}
