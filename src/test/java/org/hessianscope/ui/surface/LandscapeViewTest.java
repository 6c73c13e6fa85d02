package org.hessianscope.ui.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.shape.TriangleMesh;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.hessianscope.analysis.AnalysisStore;
import org.hessianscope.analysis.RunAnalysis;
import org.hessianscope.analysis.TinyRuns;
import org.hessianscope.data.DatasetCatalog;
import org.hessianscope.engine.Engine;
import org.hessianscope.figure.ColourMap;
import org.hessianscope.figure.ColourScale;
import org.hessianscope.figure.SliceFigure;
import org.hessianscope.figure.SurfaceMapFigure;
import org.hessianscope.run.RunFolder;
import org.hessianscope.surface.SurfaceOptions;
import org.hessianscope.surface.SurfaceResult;
import org.hessianscope.ui.GuiFixture;
import org.hessianscope.ui.common.JobViewModel;
import org.hessianscope.ui.common.Messages;
import org.hessianscope.ui.runs.RunsViewModel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYZDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Landscape view on a real tiny run, headless: Compute slices it in the background, every picture
 * draws the result's stored values (loss map and its colour bar, the quadratic model's contours, the
 * slice, the σ² map, the 3D mesh in the same colours), the k slider redraws without computing again,
 * and Cancel stops a long slice.
 */
@ExtendWith(ApplicationExtension.class)
class LandscapeViewTest {
    /** Three k on an 80-sample run, a 7 × 7 plane: small enough for a shared 2-core machine. */
    static final SurfaceOptions SMALL = new SurfaceOptions("hessian", 2, 7, 0.5, 80, new int[] {10, 40, SurfaceOptions.ALL},
            SurfaceOptions.HESSIAN, 8, 0L, false);
    @TempDir
    static Path tmp;
    static Path run;
    static DatasetCatalog catalog;
    Engine engine;
    ExecutorService workers;
    final AtomicInteger jobs = new AtomicInteger();
    RunsViewModel runs;
    LandscapeViewModel vm;
    LandscapeView view;
    Stage stage;

    @BeforeAll
    static void tinyRun() throws IOException {
        catalog = TinyRuns.embedded(tmp.resolve("no-data"));
        run = TinyRuns.train(tmp.resolve("L1"), 1, 80, catalog);
        try (Engine e = new Engine(2)) {
            new RunAnalysis(e).analyzeFolder(run, catalog, GuiFixture.ANALYSIS, RunAnalysis.StepMonitors.NONE);
        }
    }

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        engine = new Engine(2);
        workers = Executors.newCachedThreadPool();
        Messages messages = new Messages();
        runs = new RunsViewModel(new JobViewModel(r -> {
            throw new AssertionError("no run analysis expected");
        }, messages), messages, catalog, engine, GuiFixture.ANALYSIS, Runnable::run);
        JobViewModel job = new JobViewModel(r -> {
            jobs.incrementAndGet();
            workers.execute(r);
        }, messages);
        vm = new LandscapeViewModel(runs, job, catalog, engine, SMALL);
        runs.selectedProperty().set(runs.add(run, RunFolder.read(run), AnalysisStore.read(run).orElseThrow()));
        view = new LandscapeView(vm);
        stage.setScene(new Scene(view, 1260, 780));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> vm.job().cancel()).get();
        workers.shutdownNow();
        workers.awaitTermination(30, TimeUnit.SECONDS);
        engine.close();
    }

    private SurfaceResult computeAndWait(FxRobot robot) throws Exception {
        robot.clickOn("#landscape-compute");
        WaitForAsyncUtils.waitFor(GuiFixture.JOB_SECONDS, TimeUnit.SECONDS,
                () -> vm.resultProperty().get() != null && !vm.job().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        return vm.resultProperty().get();
    }

    /**
     * In a window as narrow as the tab at 1280×720 the slices and Δ take turns under a switch, each given the
     * whole width; widened again, they stand side by side, 60/40.
     */
    @Test
    void aNarrowTabShowsTheSlicesAndDeltaInTurnAndAWideOneSideBySide(FxRobot robot) throws Exception {
        javafx.scene.Node map = robot.lookup("#landscape-slices").query();
        javafx.scene.Node delta = robot.lookup("#landscape-delta").query();
        assertTrue(onScreen(map) && onScreen(delta), "both at 1260 px");
        assertTrue(!switchShown(), "no switch at 1260 px");

        WaitForAsyncUtils.asyncFx(() -> stage.setWidth(690)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(switchShown(), "the switch at 690 px");
        assertTrue(onScreen(map), "the slices first");
        assertTrue(!onScreen(delta), "Δ waits behind its switch");
        // The four pictures get the tab's whole width, not 60 % of it.
        double slicesWidth = GuiFixture.onFx(() -> map.getLayoutBounds().getWidth());
        double tab = GuiFixture.onFx(() -> view.getWidth());
        assertTrue(slicesWidth > 0.9 * tab, "the slices " + slicesWidth + " px wide in a tab of " + tab);

        robot.clickOn("#landscape-view-side");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(onScreen(delta) && !onScreen(map), "Δ in the slices' place");
        robot.clickOn("#landscape-view-side"); // pressing the shown one keeps it
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(onScreen(delta), "Δ still shown");

        WaitForAsyncUtils.asyncFx(() -> stage.setWidth(1260)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(onScreen(map) && onScreen(delta), "both again at 1260 px");
        assertTrue(!switchShown(), "no switch at 1260 px again");
    }

    private boolean switchShown() throws Exception {
        return GuiFixture.onFx(() -> view.lookup("#landscape-view") != null);
    }

    /** In the scene and visible all the way up. */
    private static boolean onScreen(javafx.scene.Node n) throws Exception {
        return GuiFixture.onFx(() -> {
            if (n.getScene() == null) {
                return false;
            }
            for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
                if (!p.isVisible()) {
                    return false;
                }
            }
            return true;
        });
    }

    @Test
    void everyPictureDrawsTheStoredSliceAndTheKSliderOnlyRedraws(FxRobot robot) throws Exception {
        assertTrue(robot.lookup("#landscape-hint").queryAs(Label.class).getText().startsWith("Press Compute"));
        // The 3D caption explains a surface; before one is computed it stood alone, half under the hint.
        Label caption = robot.lookup("#landscape-3d-caption").queryAs(Label.class);
        assertFalse(caption.isVisible(), "no caption without a surface");
        SurfaceResult r = computeAndWait(robot);
        assertTrue(caption.isVisible(), "the caption with its surface");
        assertTrue(caption.getText().startsWith("3D: height and colour are Lₖ"), caption.getText());
        assertEquals(1, jobs.get());
        assertEquals(2, r.dims());
        assertEquals(3, r.k().length, "k = 10, 40 and all 80");
        assertEquals(80, r.k()[2]);
        // The whole subset is shown first.
        assertEquals(2, vm.kIndexProperty().get());
        assertEquals("k = 80 of N = 80", robot.lookup("#landscape-k-label").queryAs(Label.class).getText());
        showsLossOf(r, 2);

        // The k slider: back to k = 10, drawn from the same result; nothing computed again.
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#landscape-k").queryAs(javafx.scene.control.Slider.class)
                .setValue(0)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(r, vm.resultProperty().get());
        assertEquals(1, jobs.get(), "moving k computes nothing");
        assertEquals("k = 10 of N = 80", robot.lookup("#landscape-k-label").queryAs(Label.class).getText());
        showsLossOf(r, 0);

        // The σ² map: σ(ℓ)² at every grid point; the colour bar spans it.
        XYZDataset sigma = (XYZDataset) vm.varianceMapProperty().get().getXYPlot().getDataset(SurfaceMapFigure.HEAT);
        for (int item = 0; item < sigma.getItemCount(0); item++) {
            int[] ij = indexOf(r, sigma.getXValue(0, item), sigma.getYValue(0, item));
            double s = r.sigma()[ij[0]][ij[1]];
            assertEquals(s * s, sigma.getZValue(0, item), 0.0);
        }
        assertTrue(vm.varianceMapProperty().get().getTitle().getText().startsWith(
                org.hessianscope.figure.Subscripts.render("Loss-difference map σ²(w) = k(k+1)·E[(L_{k+1} − L_k)²]")),
                "the σ² map says it is the loss-difference map");

        WritableShot.write(stage.getScene(), tmp.resolve("landscape.png"));
        Path out = Path.of("target", "landscape-view.png");
        Files.copy(tmp.resolve("landscape.png"), out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * What the Export menu's landscape entries do (Windows.exportMenu hands these very properties to ExportViewModel):
     * PNG, SVG, PDF that parse, and a CSV whose z column is L_k at every grid point of the stored result.
     */
    @Test
    void exportWritesTheLandscapePicturesAndTheirData(FxRobot robot) throws Exception {
        SurfaceResult r = computeAndWait(robot);
        int g = vm.kIndexProperty().get();
        org.hessianscope.ui.charts.ExportViewModel export = new org.hessianscope.ui.charts.ExportViewModel(new Messages());
        Path png = tmp.resolve("export-landscape.png");
        Path svg = tmp.resolve("landscape.svg");
        Path pdf = tmp.resolve("landscape-slice.pdf");
        Path csv = tmp.resolve("landscape.csv");
        Path sigmaCsv = tmp.resolve("landscape-sigma2.csv");
        WaitForAsyncUtils.asyncFx(() -> {
            assertTrue(export.export(vm.lossMapProperty(), png, 2));
            assertTrue(export.export(vm.lossMapProperty(), svg, 1));
            assertTrue(export.export(vm.sliceProperty(), pdf, 1));
            assertTrue(export.export(vm.lossMapProperty(), csv, 1));
            assertTrue(export.export(vm.varianceMapProperty(), sigmaCsv, 1));
        }).get();
        java.awt.image.BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(2 * org.hessianscope.ui.charts.ExportViewModel.WIDTH, image.getWidth());
        assertTrue(Files.readString(svg).contains("<svg"), "an SVG");
        assertEquals("%PDF", new String(Files.readAllBytes(pdf), 0, 4, java.nio.charset.StandardCharsets.US_ASCII));

        assertEquals(r.rows() * r.columns(), zColumn(csv, r, (i, j) -> r.loss()[g][i][j]), "every grid point's L_k");
        assertEquals(r.rows() * r.columns(), zColumn(sigmaCsv, r,
                (i, j) -> r.sigma()[i][j] * r.sigma()[i][j]), "every grid point's σ²");
    }

    /** Checks the CSV's heat-map columns (x, y, z) against {@code expected} at each grid point; the rows checked. */
    private static int zColumn(Path csv, SurfaceResult r, java.util.function.BiFunction<Integer, Integer, Double> expected)
            throws IOException {
        java.util.List<String> lines = Files.readAllLines(csv);
        // Header fields may be quoted (a label with a comma): count the commas outside quotes.
        int z = -1;
        int field = 0;
        boolean quoted = false;
        String head = lines.get(0);
        for (int c = 0; c < head.length(); c++) {
            char ch = head.charAt(c);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                field++;
            } else if (!quoted && head.startsWith(" z", c) && (c + 2 == head.length() || head.charAt(c + 2) == ',')
                    || quoted && head.startsWith(" z\"", c)) {
                z = field;
            }
        }
        assertTrue(z > 1, "a z column beside the heat map's y: " + lines.get(0));
        int checked = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if (cells[z].isEmpty()) {
                continue;
            }
            int[] ij = indexOf(r, Double.parseDouble(cells[0]), Double.parseDouble(cells[z - 1]));
            assertEquals(expected.apply(ij[0], ij[1]), Double.parseDouble(cells[z]), 0.0, "at " + ij[0] + "," + ij[1]);
            checked++;
        }
        return checked;
    }

    /** The loss map, its colour bar, the model's contours, the slice and the 3D mesh all show k index g of r. */
    private void showsLossOf(SurfaceResult r, int g) {
        JFreeChart map = vm.lossMapProperty().get();
        XYPlot plot = map.getXYPlot();
        XYZDataset heat = (XYZDataset) plot.getDataset(SurfaceMapFigure.HEAT);
        assertEquals(r.rows() * r.columns(), heat.getItemCount(0));
        for (int item = 0; item < heat.getItemCount(0); item++) {
            int[] ij = indexOf(r, heat.getXValue(0, item), heat.getYValue(0, item));
            assertEquals(r.loss()[g][ij[0]][ij[1]], heat.getZValue(0, item), 0.0, "L_k at " + ij[0] + "," + ij[1]);
        }
        ColourScale scale = ColourScale.spanning(true, r.loss());
        PaintScaleLegend bar = null;
        for (int i = 0; i < map.getSubtitleCount(); i++) {
            if (map.getSubtitle(i) instanceof PaintScaleLegend p) {
                bar = p;
            }
        }
        assertNotNull(bar, "a colour bar");
        // The bar's axis is log10 L (ticks labelled with L itself): one scale for every k, from the smallest L of all.
        assertEquals(Math.log10(scale.min()), bar.getAxis().getLowerBound(), 0.0);
        assertEquals(Math.log10(scale.max()), bar.getAxis().getUpperBound(), 0.0);
        assertEquals(ColourMap.colour(0.5), bar.getScale().getPaint((Math.log10(scale.min()) + Math.log10(scale.max())) / 2),
                "the strip's middle is the map's middle colour");
        assertTrue(plot.getDataset(SurfaceMapFigure.MODEL_CONTOURS).getItemCount(0) > 0, "the model's contours");
        assertTrue(plot.getDataset(SurfaceMapFigure.CONTOURS).getItemCount(0)
                + plot.getDataset(SurfaceMapFigure.CONTOURS).getItemCount(1) > 0, "the loss contours");

        XYDataset slice = vm.sliceProperty().get().getXYPlot().getDataset();
        int j0 = r.origin()[1];
        assertEquals(SliceFigure.TRUE_KEY, slice.getSeriesKey(0));
        assertEquals(SliceFigure.MODEL_KEY, slice.getSeriesKey(1));
        for (int i = 0; i < r.rows(); i++) {
            assertEquals(r.axes().get(0).coordinates()[i], slice.getXValue(0, i), 0.0);
            assertEquals(r.loss()[g][i][j0], slice.getYValue(0, i), 0.0, "true slice at β = 0");
            assertEquals(r.quadratic().get(g).values()[i][j0], slice.getYValue(1, i), 0.0, "quadratic model");
        }

        // The 3D mesh: vertex (i, j) raised by its place on the same scale, textured at the same colour.
        Surface3DView view3d = (Surface3DView) view.lookup("#landscape-3d");
        TriangleMesh mesh = (TriangleMesh) view3d.meshView().getMesh();
        assertEquals(r.rows() * r.columns() * 3, mesh.getPoints().size());
        assertEquals((r.rows() - 1) * (r.columns() - 1) * 2 * 6, mesh.getFaces().size());
        for (int i = 0; i < r.rows(); i++) {
            for (int j = 0; j < r.columns(); j++) {
                int v = j * r.rows() + i;
                double t = scale.fraction(r.loss()[g][i][j]);
                assertEquals(-t * SurfaceMesh3D.HEIGHT, mesh.getPoints().get(3 * v + 1), 1e-3);
                int texel = (int) Math.floor(mesh.getTexCoords().get(2 * v) * SurfaceMesh3D.TEXELS);
                assertEquals(Math.round(t * (SurfaceMesh3D.TEXELS - 1)), texel, "texel of the colour of t");
            }
        }
    }

    /** Grid indices (i, j) of the point at (α, β). */
    private static int[] indexOf(SurfaceResult r, double alpha, double beta) {
        return new int[] {find(r.axes().get(0).coordinates(), alpha), find(r.axes().get(1).coordinates(), beta)};
    }

    private static int find(double[] c, double v) {
        for (int i = 0; i < c.length; i++) {
            if (c[i] == v) {
                return i;
            }
        }
        throw new AssertionError(v + " is not a grid coordinate");
    }

    @Test
    void aTrajectoryPlaneShowsTheTrainingPathAtTheCheckpointsCoordinates(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> vm.directionsProperty().set("trajectory")).get();
        SurfaceResult r = computeAndWait(robot);
        assertEquals("trajectory", r.directions());
        var points = org.hessianscope.surface.TrajectoryDirections.of(run, RunFolder.read(run)).points();
        assertTrue(points.size() >= 2, "θ₀ and at least one checkpoint");
        XYDataset path = vm.lossMapProperty().get().getXYPlot().getDataset(SurfaceMapFigure.TRAJECTORY);
        assertEquals(points.size(), path.getItemCount(0));
        for (int p = 0; p < points.size(); p++) {
            assertEquals(points.get(p).x(), path.getXValue(0, p), 0.0, "α of point " + p);
            assertEquals(points.get(p).y(), path.getYValue(0, p), 0.0, "β of point " + p);
        }
    }

    /**
     * A run opened from disk is listed before its analysis is read off the JavaFX thread; the stored slice must
     * show when the analysis arrives, not only when the selection changes (it said "Press Compute" before).
     */
    @Test
    void aStoredSliceShowsWhenTheAnalysisOfAnOpenedRunArrives(FxRobot robot) throws Exception {
        Path stored = TinyRuns.train(tmp.resolve("L1-opened"), 1, 80, catalog);
        SurfaceOptions plane = new SurfaceOptions("random", 2, 5, 0.5, 40, new int[] {SurfaceOptions.ALL},
                SurfaceOptions.HESSIAN, 8, 0L, false);
        try (Engine e = new Engine(2)) {
            new RunAnalysis(e).analyzeFolder(stored, catalog, GuiFixture.ANALYSIS.withSurface(plane),
                    RunAnalysis.StepMonitors.NONE);
        }
        // As the window's reader does: listed and selected first, the analysis set when it has been read.
        var item = WaitForAsyncUtils.asyncFx(() -> runs.add(stored, RunFolder.read(stored), null)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(null, vm.resultProperty().get(), "nothing to show before the analysis is read");
        var analysis = AnalysisStore.read(stored).orElseThrow();
        WaitForAsyncUtils.asyncFx(() -> item.setAnalysis(analysis)).get();
        WaitForAsyncUtils.waitForFxEvents();
        var expected = AnalysisStore.read(stored).orElseThrow().get(org.hessianscope.analysis.Analyses.SURFACE);
        assertNotNull(vm.resultProperty().get(), "the stored slice shows without Compute");
        assertTrue(java.util.Arrays.deepEquals(expected.loss(), vm.resultProperty().get().loss()), "the stored grid's L_k");
    }

    /** A reopened run whose analysis stores a trajectory slice shows it at once with the checkpoints' path. */
    @Test
    void aStoredTrajectorySliceShowsItsPathWhenTheRunIsOpened(FxRobot robot) throws Exception {
        Path stored = TinyRuns.train(tmp.resolve("L1-stored"), 1, 80, catalog);
        SurfaceOptions plane = new SurfaceOptions("trajectory", 2, 5, 0.5, 40, new int[] {SurfaceOptions.ALL},
                SurfaceOptions.HESSIAN, 8, 0L, false);
        try (Engine e = new Engine(2)) {
            new RunAnalysis(e).analyzeFolder(stored, catalog, GuiFixture.ANALYSIS.withSurface(plane),
                    RunAnalysis.StepMonitors.NONE);
        }
        WaitForAsyncUtils.asyncFx(() -> {
            try {
                runs.selectedProperty().set(runs.add(stored, RunFolder.read(stored), AnalysisStore.read(stored).orElseThrow()));
            } catch (IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(vm.resultProperty().get(), "the stored slice shows without Compute");
        assertEquals(0, jobs.get(), "nothing computed");
        var points = org.hessianscope.surface.TrajectoryDirections.of(stored, RunFolder.read(stored)).points();
        XYDataset path = vm.lossMapProperty().get().getXYPlot().getDataset(SurfaceMapFigure.TRAJECTORY);
        assertNotNull(path, "a trajectory drawn on the stored plane");
        assertEquals(points.size(), path.getItemCount(0));
        for (int p = 0; p < points.size(); p++) {
            assertEquals(points.get(p).x(), path.getXValue(0, p), 0.0, "α of point " + p);
            assertEquals(points.get(p).y(), path.getYValue(0, p), 0.0, "β of point " + p);
        }
    }

    @Test
    void cancelStopsALongSliceAndKeepsWhatWasShown(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> vm.rangeProperty().set(0.5)).get();
        LandscapeViewModel big = vm;
        // 51 × 51 points over 80 samples: long enough to be running when Cancel is pressed.
        WaitForAsyncUtils.asyncFx(() -> {
            vm = new LandscapeViewModel(runs, big.job(), catalog, engine, new SurfaceOptions("random", 2, 51, 1.0, 80,
                    new int[] {SurfaceOptions.ALL}, SurfaceOptions.HESSIAN, 8, 0L, false));
            stage.getScene().setRoot(new LandscapeView(vm));
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#landscape-compute");
        robot.clickOn("#landscape-cancel");
        WaitForAsyncUtils.waitFor(GuiFixture.JOB_SECONDS, TimeUnit.SECONDS, () -> !vm.job().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.job().messageProperty().get().endsWith("cancelled"), vm.job().messageProperty().get());
        assertEquals(null, vm.resultProperty().get());
        assertTrue(robot.lookup("#landscape-hint").queryAs(Label.class).isVisible());
    }

    @Test
    void draggingTurnsTheSurfaceAndScrollingZooms(FxRobot robot) throws Exception {
        computeAndWait(robot);
        Surface3DView view3d = (Surface3DView) view.lookup("#landscape-3d");
        double yaw = view3d.yaw();
        double tilt = view3d.tilt();
        double distance = view3d.distance();
        robot.drag(view3d).moveBy(50, 20).release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(yaw + 50 * Surface3DView.DEGREES_PER_PIXEL, view3d.yaw(), 1.0, "left–right turns");
        assertEquals(tilt - 20 * Surface3DView.DEGREES_PER_PIXEL, view3d.tilt(), 1.0, "up–down tilts");
        robot.moveTo(view3d).scroll(3, javafx.geometry.VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view3d.distance() != distance, "the wheel zooms: " + distance + " → " + view3d.distance());
    }

    /** A PNG of the scene for looking at (the test asserts nothing about its pixels). */
    private static final class WritableShot {
        static void write(Scene scene, Path file) throws Exception {
            var image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        }
    }
}
