package org.hessianscope.figure;

import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FigureExportTest {
    static final int W = 400;
    static final int H = 260;
    /** A chart covers far more than this share of its area with curves, text and grid. */
    static final double MIN_INK = 0.02;
    /** Antialiased text and slanted curves drawn at scale s split many s×s blocks; an enlarged bitmap splits none. */
    static final double MIN_SPLIT_BLOCKS = 0.005;

    static List<LabelledLossDifference> runs;
    static JFreeChart chart;

    @TempDir
    Path dir;

    @BeforeAll
    static void build() {
        runs = LossDifferenceFixtures.runs(1500, 40, 2);
        chart = LossDifferenceFigure.chart(runs, FigureStyle.paper("L (num of layers)"));
    }

    @Test
    void pngHasThePixelSizeOfItsScaleAndIsNotBlank() throws Exception {
        for (int scale = 1; scale <= 3; scale++) {
            Path f = dir.resolve("fig" + scale + ".png");
            FigureExport.write(chart, f, W, H, scale);
            BufferedImage img = ImageIO.read(f.toFile());
            assertEquals(W * scale, img.getWidth());
            assertEquals(H * scale, img.getHeight());
            double ink = inkFraction(img);
            assertTrue(ink > MIN_INK, "scale " + scale + ": only " + ink + " of the pixels differ from white");
        }
    }

    @Test
    void higherScalesAreDrawnSharpNotEnlarged() {
        BufferedImage one = FigureExport.image(chart, W, H, 1);
        for (int scale = 2; scale <= 3; scale++) {
            BufferedImage sharp = FigureExport.image(chart, W, H, scale);
            BufferedImage enlarged = enlarge(one, scale);
            assertEquals(0.0, splitBlocks(enlarged, scale), "the measure sees no detail inside enlarged pixels");
            double split = splitBlocks(sharp, scale);
            assertTrue(split > MIN_SPLIT_BLOCKS, "scale " + scale + ": only " + split + " of blocks carry sub-pixel detail");
        }
    }

    @Test
    void svgParsesAsXmlAndDrawsPaths() throws Exception {
        Path f = dir.resolve("fig.svg");
        FigureExport.write(chart, f, W, H, 1);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(f.toFile());
        assertEquals("svg", doc.getDocumentElement().getTagName());
        assertTrue(doc.getElementsByTagName("path").getLength() > 10);
        assertTrue(Files.readString(f).contains("L (num of layers)"));
        assertTrue(!Files.readString(f).contains("<!DOCTYPE"), "no DTD that an offline parser would try to fetch");
    }

    @Test
    void svgOfASixtyThousandPointCurveStaysSmall() throws Exception {
        JFreeChart big = LossDifferenceFigure.chart(LossDifferenceFixtures.runs(60_001, 2, 1), FigureStyle.screen());
        String svg = FigureExport.svg(big, 800, 500);
        assertTrue(svg.length() < 2_000_000, "SVG of 60,000 k is " + svg.length() + " characters");
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void pdfIsACompleteDocumentWithAPageAndItsContent() throws Exception {
        Path f = dir.resolve("fig.pdf");
        FigureExport.write(chart, f, W, H, 1);
        String pdf = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        assertTrue(pdf.startsWith("%PDF-"));
        assertTrue(pdf.stripTrailing().endsWith("%%EOF"));
        assertTrue(pdf.contains("/Type/Page/"), "a page object");
        assertTrue(pdf.contains("/Contents"), "the page refers to its content stream");
        assertTrue(pdf.contains("stream") && pdf.contains("endstream"));
        assertTrue(pdf.contains("/MediaBox[0 0 " + W + " " + H + "]"), "page size in points");
        // Text is text (issue 17, defect 16): text-show operators in an embedded font; PdfExportTest reads it back.
        assertTrue(pdfStreams(Files.readAllBytes(f)).stream().anyMatch(stream -> stream.contains(")Tj")),
                "a text operator");
        assertTrue(pdf.contains("/FontFile2"), "an embedded TrueType font");
    }

    /** The content of every stream, inflated when it is Flate-compressed. */
    static List<String> pdfStreams(byte[] pdf) throws Exception {
        String s = new String(pdf, StandardCharsets.ISO_8859_1);
        List<String> out = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("stream\\r?\\n(.*?)endstream", java.util.regex.Pattern.DOTALL)
                .matcher(s);
        while (m.find()) {
            byte[] raw = m.group(1).getBytes(StandardCharsets.ISO_8859_1);
            java.util.zip.Inflater inflater = new java.util.zip.Inflater();
            inflater.setInput(raw);
            byte[] buf = new byte[1 << 20];
            int n;
            try {
                n = inflater.inflate(buf);
            } catch (java.util.zip.DataFormatException notCompressed) {
                out.add(m.group(1));
                continue;
            }
            out.add(n > 0 ? new String(buf, 0, n, StandardCharsets.ISO_8859_1) : m.group(1));
        }
        assertTrue(out.size() > 0, "no streams found");
        return out;
    }

    @Test
    void csvHoldsTheSeriesValuesAlignedOnK() throws Exception {
        Path f = dir.resolve("fig.csv");
        FigureExport.write(chart, f, W, H, 1);
        List<String> lines = Files.readAllLines(f);
        List<String> header = List.of(lines.get(0).split(","));
        assertEquals("k", header.get(0));
        int mean4 = header.indexOf(LossDifferenceFigure.seriesKey("4", LossDifferenceFigure.Kind.MEAN));
        int exact2 = header.indexOf(LossDifferenceFigure.seriesKey("2", LossDifferenceFigure.Kind.EXACT));
        int low2 = header.indexOf(LossDifferenceFigure.seriesKey("2", LossDifferenceFigure.Kind.BAND_50) + " low");
        assertTrue(mean4 > 0 && exact2 > 0 && low2 > 0, header.toString());
        assertEquals(1500 - 1 + 1, lines.size(), "one row per k = 1..N−1 plus the header");
        for (int k : new int[] {1, 300, 1499}) {
            String[] row = lines.get(k).split(",", -1);
            assertEquals(k, Double.parseDouble(row[0]));
            assertEquals(runs.get(1).result().meanAbs(k), Double.parseDouble(row[mean4]));
            assertEquals(Math.sqrt(runs.get(0).result().exactMeanSq(k)), Double.parseDouble(row[exact2]));
            assertEquals(runs.get(0).result().quantile(1, k), Double.parseDouble(row[low2]));
        }
    }

    @Test
    void csvGivesEverySeriesItsOwnColumnAndLeavesGapsEmpty() {
        org.jfree.data.xy.XYSeriesCollection data = new org.jfree.data.xy.XYSeriesCollection();
        org.jfree.data.xy.XYSeries a = new org.jfree.data.xy.XYSeries("a", false, true);
        a.add(1, 10);
        a.add(2, 20);
        org.jfree.data.xy.XYSeries b = new org.jfree.data.xy.XYSeries("b, quoted", false, true);
        b.add(2, 5);
        b.add(2, 6); // a scatter may repeat an x
        b.add(3, 7);
        data.addSeries(a);
        data.addSeries(b);
        JFreeChart c = org.jfree.chart.ChartFactory.createXYLineChart("t", "x", "y", data);
        assertEquals("x,a,\"b, quoted\"\n1.0,10.0,\n2.0,20.0,5.0\n2.0,,6.0\n3.0,,7.0\n", ChartCsv.of(c));
    }

    @Test
    void aFailedExportLeavesTheOldFileAndNoLeftovers() throws Exception {
        Path f = dir.resolve("fig.png");
        Files.writeString(f, "good");
        assertThrows(IllegalArgumentException.class, () -> FigureExport.write(chart, f, 10, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> FigureExport.write(chart, f, W, H, 9));
        assertEquals("good", Files.readString(f));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(f), files.toList());
        }
    }

    @Test
    void unknownFormatNamesTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FigureExport.write(chart, dir.resolve("fig.jpg"), W, H, 1));
        assertTrue(e.getMessage().contains("'jpg'") && e.getMessage().contains(".svg"), e.getMessage());
    }

    static double inkFraction(BufferedImage img) {
        long ink = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    ink++;
                }
            }
        }
        return ink / (double) ((long) img.getWidth() * img.getHeight());
    }

    /** Share of aligned s×s blocks whose pixels are not all equal. */
    static double splitBlocks(BufferedImage img, int s) {
        long split = 0;
        long blocks = 0;
        for (int by = 0; by + s <= img.getHeight(); by += s) {
            for (int bx = 0; bx + s <= img.getWidth(); bx += s) {
                blocks++;
                int first = img.getRGB(bx, by);
                outer:
                for (int y = by; y < by + s; y++) {
                    for (int x = bx; x < bx + s; x++) {
                        if (img.getRGB(x, y) != first) {
                            split++;
                            break outer;
                        }
                    }
                }
            }
        }
        return split / (double) blocks;
    }

    static BufferedImage enlarge(BufferedImage img, int s) {
        BufferedImage out = new BufferedImage(img.getWidth() * s, img.getHeight() * s, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, img.getRGB(x / s, y / s));
            }
        }
        return out;
    }
}
