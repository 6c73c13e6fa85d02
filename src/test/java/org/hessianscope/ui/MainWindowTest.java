package org.hessianscope.ui;

import org.hessianscope.ui.charts.ExportViewModel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.hessianscope.analysis.AnalysisOptions;
import org.hessianscope.figure.LossDifferenceFigure;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Document;

/** Drives the real window headless (Monocle): builder, training, linked readout, export. */
@ExtendWith(ApplicationExtension.class)
public class MainWindowTest {
    @TempDir
    static Path tmp;
    static Path analysedRun;
    GuiFixture gui;

    @BeforeAll
    static void analysedRun() throws IOException {
        analysedRun = GuiFixture.analysedRun(tmp);
    }

    @Start
    void start(Stage stage) {
        gui = GuiFixture.fresh(stage, tmp);
    }

    @AfterEach
    void close() throws Exception {
        gui.close();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void movingTheLayerSliderChangesTheShapeTableAndTheBoundPreview(FxRobot robot) {
        TableView<?> table = robot.lookup("#shape-table").queryAs(TableView.class);
        assertEquals(4, table.getItems().size()); // L = 2: conv1, relu1, conv2, fc1
        String preview = text(robot, "#bound-preview");
        robot.clickOn("#slider-layers").type(KeyCode.HOME).type(KeyCode.RIGHT, 2);
        assertEquals(3, gui.model.builder().layersProperty().get());
        assertEquals(6, table.getItems().size()); // L convs, L − 1 relus, fc1
        assertNotEquals(preview, text(robot, "#bound-preview"));
        assertTrue(text(robot, "#bound-preview").startsWith("log10 bound"), text(robot, "#bound-preview"));
    }

    @Test
    void anInvalidSpecShowsAnInlineMessage(FxRobot robot) {
        robot.clickOn("#slider-layers").type(KeyCode.END);
        // Tab moves the keyboard focus on to the kernel slider, the next control.
        robot.type(KeyCode.TAB).type(KeyCode.END);
        assertEquals(8, gui.model.builder().layersProperty().get());
        assertEquals(7, gui.model.builder().kernelProperty().get());
        Label problem = robot.lookup("#builder-problem").queryAs(Label.class);
        assertTrue(problem.isVisible());
        assertTrue(problem.getText().contains("conv[5]"), problem.getText());
        assertTrue(robot.lookup("#train-button").queryButton().isDisabled());
    }

    @Test
    void trainingATinySpecFillsTheLiveChartAndChartOne(FxRobot robot) throws Exception {
        robot.doubleClickOn("#field-train-size").eraseText(6).write("200");
        robot.clickOn("#field-epochs");
        assertEquals(200, gui.model.builder().trainSizeProperty().get());
        robot.clickOn("#train-button");
        GuiFixture.await("a trained and analysed run", () -> gui.model.runs().runs().size() == 1
                && gui.model.runs().runs().get(0).analysisProperty().get() != null && !gui.model.busy());
        WaitForAsyncUtils.waitForFxEvents();
        ChartViewer live = robot.lookup("#live-chart").queryAs(ChartViewer.class);
        // ⌈200/64⌉ = 4 steps in one epoch, every one drawn.
        assertEquals(4, live.getChart().getXYPlot().getDataset().getItemCount(0));
        // Chart one is the view model's chart, on screen, and plots k = 1..N−1 of the N = 200 samples.
        ChartViewer one = robot.lookup("#chart-lossdifference-viewer").queryAs(ChartViewer.class);
        assertTrue(one.isVisible());
        assertSame(gui.built.chartsModel().lossDifferenceProperty().get(), one.getChart());
        var lines = one.getChart().getXYPlot().getDataset(LossDifferenceFigure.LINES);
        assertTrue(lines.getSeriesCount() > 0, "chart one has curves");
        for (int s = 0; s < lines.getSeriesCount(); s++) {
            for (int i = 0; i < lines.getItemCount(s); i++) {
                double k = lines.getXValue(s, i);
                assertTrue(k >= 1 && k <= 199, lines.getSeriesKey(s) + " at k = " + k);
            }
        }
        assertEquals(200, gui.model.runs().runs().get(0).analysisProperty().get().n());
    }

    @Test
    void hoveringChartOneReadsEveryRunAtThatK(FxRobot robot) throws Exception {
        gui.openAnalysed(analysedRun);
        robot.moveTo("#chart-lossdifference-viewer").moveBy(5, 0).moveBy(5, 0);
        String readout = text(robot, "#readout");
        assertTrue(readout.startsWith("k = "), readout);
        assertTrue(readout.contains("analysed: mean |ΔL|"), readout);
        int k = gui.model.readout().hoveredKProperty().get();
        assertTrue(k >= 1 && k <= 119, "k = " + k);
    }

    @Test
    void exportWritesPngSvgAndPdfThatParseAndAreNotBlank(FxRobot robot) throws Exception {
        gui.openAnalysed(analysedRun);
        Path png = tmp.resolve("chart1.png");
        Path svg = tmp.resolve("chart1.svg");
        Path pdf = tmp.resolve("chart1.pdf");
        WaitForAsyncUtils.asyncFx(() -> {
            var chart = gui.built.chartsModel().lossDifferenceProperty();
            assertTrue(gui.built.export().export(chart, png, 2));
            assertTrue(gui.built.export().export(chart, svg, 1));
            assertTrue(gui.built.export().export(chart, pdf, 1));
        }).get();

        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(2 * ExportViewModel.WIDTH, image.getWidth(), "2× is drawn at twice the size");
        assertEquals(2 * ExportViewModel.HEIGHT, image.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 20, "a drawn chart has many colours, got " + colours.size());

        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        // No internet in tests: the SVG's DOCTYPE must not be fetched.
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = xml.newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", doc.getDocumentElement().getTagName());
        assertTrue(doc.getElementsByTagName("path").getLength() > 5, "curves are SVG paths");

        byte[] bytes = Files.readAllBytes(pdf);
        String head = new String(bytes, 0, 5, StandardCharsets.ISO_8859_1);
        String all = new String(bytes, StandardCharsets.ISO_8859_1);
        assertEquals("%PDF-", head);
        assertTrue(all.trim().endsWith("%%EOF"), "a complete PDF");
        // The writer decides how it spaces its dictionaries (OpenPDF writes "/Type/Page"): ask a PDF reader.
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            assertEquals(1, document.getNumberOfPages(), "a one-page PDF");
        }
        assertTrue(bytes.length > 2000, "PDF with drawing, " + bytes.length + " bytes");
    }
}
