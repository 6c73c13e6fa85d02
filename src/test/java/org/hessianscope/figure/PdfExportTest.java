package org.hessianscope.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hessianscope.analysis.AnalysisResult;
import org.hessianscope.analysis.AnalysisStore;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, defect 16: the PDF export drew its text as outlines (pdftotext found nothing) and its
 * title metadata read "?H_O?". The PDFs are opened with PDFBox, an independent reader, and their
 * text and metadata compared with what the chart itself says.
 */
class PdfExportTest {
    private static final int W = 800;
    private static final int H = 500;
    /** A shipped sample model with its analysis stored: all four charts from real numbers. */
    private static final Path RUN = Path.of("sample-models/mnist-layers/runs/mnist-L4-C6-k3-s0-d01ce5f5f4e6");
    private static AnalysisResult analysis;

    @BeforeAll
    static void readTheSampleAnalysis() throws IOException {
        analysis = AnalysisStore.read(RUN).orElseThrow();
    }

    @Test
    void chartThreeKeepsItsTitleAxisLabelsAndEveryTickLabelAsText() throws Exception {
        JFreeChart chart = BoundFigure.chart(List.of(BoundLevels.of(2, analysis.bounds()),
                BoundLevels.of(4, analysis.bounds())), "L (num of layers)", FigureStyle.screen());
        byte[] pdf = FigureExport.pdf(chart, W, H);
        String text = text(pdf);
        // "‖H_O‖" is drawn with a lowered O: the O is its own text, below the line.
        assertTrue(text.contains("Bounds on ‖H") && text.contains("‖ against the measured value"), text);
        assertTrue(text.contains("L (num of layers)"), text);
        // Rotated text comes back from PDFBox in pieces: compared without white space.
        assertTrue(squeezed(text).contains("log10‖HO‖(weightsonly)"), text);
        assertTrue(text.contains("measured max ‖H_O,i‖"), "the legend: " + text);
        Set<String> lines = lines(text);
        for (String tick : ticks(chart, chart.getXYPlot().getRangeAxis(), RectangleEdge.LEFT)) {
            assertTrue(lines.contains(tick), "range tick " + tick + " in " + lines);
        }
        for (String tick : ticks(chart, chart.getXYPlot().getDomainAxis(), RectangleEdge.BOTTOM)) {
            assertTrue(lines.contains(tick), "domain tick " + tick + " in " + lines);
        }
        assertEquals(chart.getTitle().getText(), info(pdf).getTitle(), "the metadata title is the chart's, in Unicode");
        assertEquals("Bounds on ‖H_O‖ against the measured value", info(pdf).getTitle());
    }

    @Test
    void chartOneWritesItsSubscriptsAndTheFontIsEmbedded() throws Exception {
        JFreeChart chart = LossDifferenceFigure.chart(
                List.of(new LabelledLossDifference("L=4", analysis.lossDifference(), 0)), FigureStyle.screen());
        byte[] pdf = FigureExport.pdf(chart, W, H);
        String text = text(pdf);
        assertTrue(text.contains("Loss difference |Lₖ₊₁ − Lₖ|"), text);
        assertEquals("Loss difference |Lₖ₊₁ − Lₖ|", info(pdf).getTitle());
        assertTrue(lines(text).contains("k"), "the k axis: " + text);
        assertTrue(text.contains("mean |ΔL|") && text.contains("EMA α=0.995"), "the legend: " + text);
        // Decade ticks 10^e: the exponent is raised text right after its 10, so it reads back as "10-3".
        assertTrue(lines(text).containsAll(List.of("10-3", "10-1", "100", "101", "105")), text);
        assertTrue(squeezed(text).contains("|Lk+1−Lk|"), "the lowered subscripts of the rotated label: " + text);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (var name : doc.getPage(0).getResources().getFontNames()) {
                PDFont font = doc.getPage(0).getResources().getFont(name);
                assertTrue(font.isEmbedded(), font.getName() + " embedded");
                assertTrue(font.getName().contains("DejaVuSans"), font.getName());
            }
        }
    }

    @Test
    void chartFourNamesItsRunInTheTextAndTheSubject() throws Exception {
        JFreeChart chart = PerSampleFigure.chart(analysis.curvatureLosses(),
                analysis.curvature().perSampleGgn().ggnNorm(), analysis.curvature().perSampleFull(), FigureStyle.screen());
        RunCaption.name(chart, "L=4 seed 0");
        byte[] pdf = FigureExport.pdf(chart, W, H);
        String text = text(pdf);
        assertTrue(text.contains("Per-sample curvature against loss"), text);
        assertTrue(text.contains("run: L=4 seed 0"), text);
        assertTrue(text.contains("per-sample loss ℓ"), text);
        assertEquals("Per-sample curvature against loss", info(pdf).getTitle());
        assertEquals("run: L=4 seed 0", info(pdf).getSubject());
        assertEquals("HessianScope", info(pdf).getAuthor());
    }

    @Test
    void chartTwoAndSymbolsOutsideLatin1StayText() throws Exception {
        JFreeChart spectrum = SpectrumFigure.chart(analysis.curvature(), FigureStyle.screen());
        String text = text(FigureExport.pdf(spectrum, W, H));
        assertTrue(text.contains(spectrum.getTitle().getText()), text);
        assertTrue(text.contains("eigenvalue λ") && squeezed(text).contains("density"), text);

        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries s = new XYSeries("σ ≤ ‖θ̂‖");
        s.add(1, 2);
        s.add(2, 3);
        data.addSeries(s);
        XYPlot plot = new XYPlot(data, Axes.of("σ", false, FigureStyle.screen()),
                Axes.of("L_k(θ̂) ≤ ‖H_F‖", false, FigureStyle.screen()),
                new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer());
        JFreeChart chart = ChartStyling.chart("Slice along θ̂: σ ≤ 1", plot, plot.getLegendItems(), FigureStyle.screen());
        byte[] pdf = FigureExport.pdf(chart, W, H);
        text = text(pdf);
        assertTrue(text.contains("Slice along θ̂: σ ≤ 1"), text);
        assertTrue(text.contains("σ ≤ ‖θ̂‖"), "the legend: " + text);
        assertTrue(lines(text).contains("σ"), "the domain axis: " + text);
        assertEquals("Slice along θ̂: σ ≤ 1", info(pdf).getTitle());
    }

    @Test
    void theExportWritesTheSameDocument() throws Exception {
        JFreeChart chart = BoundFigure.chart(List.of(BoundLevels.of(4, analysis.bounds())), "L", FigureStyle.screen());
        Path file = Files.createTempDirectory("pdf").resolve("bounds.pdf");
        FigureExport.write(chart, file, W, H, 1);
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            assertEquals(1, doc.getNumberOfPages());
            assertEquals(W, doc.getPage(0).getMediaBox().getWidth(), 1e-3);
            assertEquals(H, doc.getPage(0).getMediaBox().getHeight(), 1e-3);
            assertTrue(new PDFTextStripper().getText(doc).contains("Bounds on ‖H"));
        }
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static PDDocumentInformation info(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDDocumentInformation info = doc.getDocumentInformation();
            assertNotNull(info);
            return info;
        }
    }

    private static String squeezed(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static Set<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty())
                .flatMap(l -> java.util.Arrays.stream(l.split("\\s+"))).collect(Collectors.toSet());
    }

    /** The tick labels {@code axis} draws at the export's size, asked of JFreeChart itself. */
    private static List<String> ticks(JFreeChart chart, ValueAxis axis, RectangleEdge edge) {
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g2 = image.createGraphics();
        try {
            ChartRenderingInfo info = new ChartRenderingInfo();
            chart.draw(g2, new Rectangle2D.Double(0, 0, W, H), info);
            Rectangle2D area = info.getPlotInfo().getDataArea();
            List<String> out = ((List<?>) axis.refreshTicks(g2, new AxisState(), area, edge)).stream()
                    .map(t -> ((Tick) t).getText()).filter(t -> t != null && !t.isEmpty()).map(String::valueOf).toList();
            assertTrue(out.size() >= 2, "ticks of " + axis.getLabel() + ": " + out);
            return out;
        } finally {
            g2.dispose();
        }
    }
}
