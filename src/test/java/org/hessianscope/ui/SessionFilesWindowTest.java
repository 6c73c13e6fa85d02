package org.hessianscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.hessianscope.analysis.TinyRuns;
import org.hessianscope.curvature.CurvatureOperator;
import org.hessianscope.data.DatasetName;
import org.hessianscope.figure.LossDifferenceNormalise;
import org.hessianscope.ui.charts.ChartZoom;
import org.hessianscope.ui.runs.RunItem;
import org.hessianscope.ui.session.HiddenControls;
import org.hessianscope.ui.session.Session;
import org.hessianscope.ui.session.SessionStore;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Session files a teacher hands out, hidden controls and presenter mode (issue 17), in the real window. */
@ExtendWith(ApplicationExtension.class)
public class SessionFilesWindowTest {
    @TempDir
    static Path tmp;
    /** A folder handed out to a class: two analysed runs, the session file goes beside them. */
    static Path handout;
    static Path runA;
    static Path runB;
    Stage stage;
    GuiFixture gui;
    GuiFixture second;

    @BeforeAll
    static void analysedRuns() throws IOException {
        handout = tmp.resolve("handout");
        var data = TinyRuns.embedded(tmp.resolve("no-data"));
        runA = TinyRuns.train(handout.resolve("a"), 1, 120, data);
        runB = TinyRuns.train(handout.resolve("b"), 2, 120, data);
        GuiFixture.analyse(data, runA, runB);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        gui = GuiFixture.fresh(stage, tmp);
    }

    @AfterEach
    void close() throws Exception {
        gui.close();
        if (second != null) {
            second.close();
        }
    }

    private static void openBoth(GuiFixture g) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> g.model.runs().open(List.of(runA, runB))).get();
        GuiFixture.await("both runs analysed", () -> g.model.runs().runs().size() == 2 && !g.model.busy()
                && g.model.runs().runs().stream().allMatch(r -> r.analysisProperty().get() != null)
                && g.built.chartsModel().spectrumProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static RunItem run(GuiFixture g, Path folder) {
        return g.model.runs().runs().stream().filter(r -> r.folder().equals(folder.toAbsolutePath().normalize()))
                .findFirst().orElseThrow();
    }

    private void openSession(GuiFixture g, String json) throws Exception {
        Path f = Files.writeString(tmp.resolve("s-" + System.nanoTime() + ".json"), json);
        WaitForAsyncUtils.asyncFx(() -> g.model.sessionFiles().open(f)).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static ValueAxis spectrumX(GuiFixture g) {
        return ((XYPlot) g.built.chartsModel().spectrumProperty().get().getPlot()).getDomainAxis();
    }

    @Test
    void savingAndOpeningASessionRestoresEveryField(FxRobot robot) throws Exception {
        openBoth(gui);
        openSession(gui, "{\"layers\": 3, \"runs\": [], \"hide\": [\"train.seed\", \"builder.pool\", \"tab.explain\"]}");
        Path data = Files.createDirectories(tmp.resolve("full-data"));
        WaitForAsyncUtils.asyncFx(() -> {
            var b = gui.model.builder();
            b.layersProperty().set(5);
            b.kernelProperty().set(4);
            b.channelsProperty().set(12);
            b.poolProperty().set("max");
            b.poolSizeProperty().set(3);
            b.poolAtProperty().set(2);
            b.hiddenProperty().set("32");
            b.reluLastProperty().set(true);
            b.datasetProperty().set(DatasetName.FASHION_MNIST);
            b.trainSizeProperty().set(500);
            b.epochsProperty().set(3);
            b.seedProperty().set(42);
            gui.model.sample().dataFolderProperty().set(data);
            run(gui, runA).shownProperty().set(false);
            gui.model.runs().selectedProperty().set(run(gui, runA));
            gui.built.tabs().getSelectionModel().select(gui.built.tabs().getTabs().stream()
                    .filter(t -> t.getText().equals("Experiments")).findFirst().orElseThrow());
            gui.built.chartsModel().operatorShownProperty(CurvatureOperator.RESIDUAL).set(false);
            gui.built.chartsModel().normaliseProperty().set(LossDifferenceNormalise.K);
            gui.built.chartsModel().seedMeanProperty().set(false);
            gui.model.paperStyleProperty().set(true);
            gui.model.sessionFiles().window().scaleProperty().set(1.25);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        // The user zooms chart 2: a press on its viewer, then the axis moved as a zoom rectangle moves it.
        WaitForAsyncUtils.asyncFx(() -> gui.built.tabs().getSelectionModel().select(0)).get();
        robot.moveTo("#chart-spectrum-viewer").press(MouseButton.PRIMARY).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.asyncFx(() -> {
            spectrumX(gui).setRange(0.5, 3.5);
            gui.built.tabs().getSelectionModel().select(gui.built.tabs().getTabs().stream()
                    .filter(t -> t.getText().equals("Experiments")).findFirst().orElseThrow());
        }).get();
        Path saved = handout.resolve("lesson.json");
        WaitForAsyncUtils.asyncFx(() -> gui.model.sessionFiles().saveAs(saved)).get();

        Session s = new SessionStore(saved).read().orElseThrow();
        assertEquals(List.of("a", "b"), s.runs(), "run folders beside the session file are written relative to it");
        assertEquals(List.of("b"), s.checked());
        assertEquals("a", s.selected());
        assertEquals("experiments", s.tab());
        assertEquals(List.of("hessian", "ggn"), s.spectrum());
        assertEquals("k", s.normalise());
        assertEquals(false, s.seedMean());
        assertEquals(1.25, s.scale());
        assertEquals(List.of("train.seed", "builder.pool", "tab.explain"), s.hide());
        assertEquals(Set.of("chart-spectrum"), s.zoom().keySet(), "only the zoomed chart");
        assertEquals(new ChartZoom.AxisRange(0.5, 3.5), s.zoom().get("chart-spectrum").axes().get(0));

        // A second window, as a pupil's: fresh, then File → Open session… of the handed-out file.
        second = WaitForAsyncUtils.asyncFx(() -> new GuiFixture(new Stage(), tmp.resolve("pupil"),
                tmp.resolve("pupil/session.json"), List.of())).get();
        WaitForAsyncUtils.asyncFx(() -> second.model.sessionFiles().open(saved)).get();
        GuiFixture.await("the session's runs", () -> second.model.runs().runs().size() == 2 && !second.model.busy()
                && second.built.chartsModel().spectrumProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        var b = second.model.builder();
        assertEquals(5, b.layersProperty().get());
        assertEquals(4, b.kernelProperty().get());
        assertEquals(12, b.channelsProperty().get());
        assertEquals("max", b.poolProperty().get());
        assertEquals(3, b.poolSizeProperty().get());
        assertEquals(2, b.poolAtProperty().get());
        assertEquals("32", b.hiddenProperty().get());
        assertTrue(b.reluLastProperty().get());
        assertEquals(DatasetName.FASHION_MNIST, b.datasetProperty().get());
        assertEquals(500, b.trainSizeProperty().get());
        assertEquals(3, b.epochsProperty().get());
        assertEquals(42, b.seedProperty().get());
        assertEquals(data, second.model.sample().dataFolderProperty().get());
        assertFalse(run(second, runA).shownProperty().get(), "a was unchecked");
        assertTrue(run(second, runB).shownProperty().get(), "b was checked");
        assertEquals(run(second, runA), second.model.runs().selectedProperty().get());
        assertEquals("Experiments", second.built.tabs().getSelectionModel().getSelectedItem().getText());
        assertFalse(second.built.chartsModel().operatorShownProperty(CurvatureOperator.RESIDUAL).get());
        assertTrue(second.built.chartsModel().operatorShownProperty(CurvatureOperator.GGN).get());
        assertEquals(LossDifferenceNormalise.K, second.built.chartsModel().normaliseProperty().get());
        assertFalse(second.built.chartsModel().seedMeanProperty().get());
        assertTrue(second.model.paperStyleProperty().get());
        assertEquals(1.25, second.model.sessionFiles().window().scaleProperty().get());
        assertEquals(0.5, spectrumX(second).getLowerBound(), 1e-12);
        assertEquals(3.5, spectrumX(second).getUpperBound(), 1e-12);
        Node root = second.built.root();
        assertFalse(root.lookup("#field-seed").isVisible(), "train.seed hidden");
        assertFalse(root.lookup("#builder-pool").isVisible(), "builder.pool hidden");
        assertTrue(root.lookup("#field-epochs").isVisible(), "what the session does not hide stays");
        assertTrue(second.built.tabs().getTabs().stream().noneMatch(t -> t.getText().equals("Explain")), "tab.explain");
    }

    /** The ids docs/gui.md lists under "Session files and presenter mode", in its table. */
    private static List<String> documentedIds() throws IOException {
        String doc = Files.readString(Path.of("docs/gui.md"));
        Matcher m = Pattern.compile("(?m)^\\| `([a-zA-Z]+\\.[a-zA-Z]+)` \\|").matcher(doc);
        List<String> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    @Test
    void everyDocumentedControlIdHidesSomethingThatWasShown(FxRobot robot) throws Exception {
        List<String> ids = documentedIds();
        assertEquals(new LinkedHashSet<>(HiddenControls.IDS.keySet()), new LinkedHashSet<>(ids),
                "docs/gui.md lists exactly the ids the window knows");
        Node root = gui.built.root();
        for (String id : ids) {
            if (id.startsWith(HiddenControls.TAB)) {
                String tab = id.substring(HiddenControls.TAB.length());
                assertTrue(gui.built.tabs().getTabs().stream().anyMatch(t -> key(t).equals(tab)), id);
                openSession(gui, "{\"hide\": [\"" + id + "\"]}");
                assertTrue(gui.built.tabs().getTabs().stream().noneMatch(t -> key(t).equals(tab)), id + " hides its tab");
                assertEquals(3, gui.built.tabs().getTabs().size(), id + " hides one tab");
            } else {
                Node n = root.lookup(HiddenControls.IDS.get(id));
                assertNotNull(n, id + " names a node of the window");
                assertTrue(n.isVisible() && n.isManaged(), id + " is shown before");
                openSession(gui, "{\"hide\": [\"" + id + "\"]}");
                assertFalse(n.isVisible() || n.isManaged(), id + " hides " + HiddenControls.IDS.get(id));
            }
            openSession(gui, "{\"hide\": []}");
            assertEquals(4, gui.built.tabs().getTabs().size(), "a session without " + id + " shows it again");
        }
        openSession(gui, "{\"hide\": [\"train.seed\", \"tab.experiments\"]}");
        WaitForAsyncUtils.asyncFx(menuItem(robot, "menu-show-all")::fire).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(root.lookup("#field-seed").isVisible(), "View → Show every control");
        assertEquals(4, gui.built.tabs().getTabs().size());
        assertEquals(List.of(), gui.model.sessionFiles().window().capture().hide());
    }

    private static String key(Tab t) {
        return t.getText().toLowerCase(java.util.Locale.ROOT);
    }

    private static MenuItem menuItem(FxRobot robot, String id) {
        List<MenuItem> todo = new ArrayList<>();
        for (Menu m : robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus()) {
            todo.addAll(m.getItems());
        }
        while (!todo.isEmpty()) {
            MenuItem i = todo.remove(0);
            if (id.equals(i.getId())) {
                return i;
            }
            if (i instanceof Menu sub) {
                todo.addAll(sub.getItems());
            }
        }
        throw new AssertionError("no menu item " + id);
    }

    private static float width(JFreeChart chart) {
        XYPlot plot = (XYPlot) chart.getPlot();
        return ((java.awt.BasicStroke) plot.getRenderer().getSeriesStroke(0)).getLineWidth();
    }

    @Test
    void presenterModeScalesTheRootFontAndTheChartsLinesAndTicks(FxRobot robot) throws Exception {
        openBoth(gui);
        Button train = robot.lookup("#train-button").queryButton();
        double font = train.getFont().getSize();
        JFreeChart before = gui.built.chartsModel().boundsProperty().get();
        float line = width(before);
        int tick = ((XYPlot) before.getPlot()).getDomainAxis().getTickLabelFont().getSize();
        MenuItem big = menuItem(robot, "menu-presenter-150");
        WaitForAsyncUtils.asyncFx(big::fire).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.5, gui.model.sessionFiles().window().scaleProperty().get());
        assertEquals(1.5 * font, train.getFont().getSize(), 0.06, "the root font size sets the buttons'");
        assertEquals(1.5 * font, robot.lookup("#readout").queryAs(Label.class).getFont().getSize(), 0.06);
        JFreeChart after = gui.built.chartsModel().boundsProperty().get();
        assertEquals(1.5 * line, width(after), 1e-6, "chart 3's lines");
        assertEquals(Math.round(tick * Math.sqrt(1.5)),
                ((XYPlot) after.getPlot()).getDomainAxis().getTickLabelFont().getSize(), "chart 3's tick labels");
        WaitForAsyncUtils.asyncFx(menuItem(robot, "menu-presenter-100")::fire).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(font, train.getFont().getSize(), 1e-9, "off again");
        assertEquals(line, width(gui.built.chartsModel().boundsProperty().get()), 1e-9);
    }

    @Test
    void presenterModeAt1280x720KeepsTheKeyButtonsWholeAndInsideTheWindow(FxRobot robot) throws Exception {
        openBoth(gui);
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setWidth(1280);
            stage.setHeight(720);
            gui.model.sessionFiles().window().scaleProperty().set(1.5);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        Bounds window = new javafx.geometry.BoundingBox(0, 0, stage.getScene().getWidth(), stage.getScene().getHeight());
        assertEquals(720, window.getHeight(), 1);
        for (String id : List.of("#runs-remove", "#analysis-cancel")) {
            whole(robot.lookup(id).queryButton(), window, id);
        }
        for (Node n : robot.lookup(".button").queryAll()) {
            if (n instanceof Button b && b.getText() != null && b.getText().startsWith("Open")
                    && b.getScene() == stage.getScene()) {
                whole(b, window, b.getText());
            }
        }
        // Train sits in the scrolling left panel: scrolled to, it is whole and inside the window.
        Button train = robot.lookup("#train-button").queryButton();
        WaitForAsyncUtils.asyncFx(() -> {
            for (Node p = train.getParent(); p != null; p = p.getParent()) {
                if (p instanceof javafx.scene.control.ScrollPane sp) {
                    sp.setVvalue(sp.getVmax());
                }
            }
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        whole(train, window, "Train");
        whole(robot.lookup("#train-cancel").queryButton(), window, "the training's Cancel");
    }

    /** Inside the window and as wide as its label needs (no "…"). */
    private static void whole(Button b, Bounds window, String what) {
        Bounds s = b.localToScene(b.getBoundsInLocal());
        assertTrue(window.contains(s), what + " at " + s + " is outside the " + window.getWidth() + "×"
                + window.getHeight() + " window");
        assertTrue(b.getWidth() >= b.prefWidth(-1) - 0.5, what + " is cut to " + b.getWidth() + " of "
                + b.prefWidth(-1) + " px");
    }

    @Test
    void aBadSessionFileIsNamedWithItsFieldAndTheWindowKeepsWhatItHad(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> gui.model.builder().layersProperty().set(6)).get();
        Path bad = Files.writeString(tmp.resolve("bad.json"), "{\"layers\": 2, \"scale\": \"big\"}");
        WaitForAsyncUtils.asyncFx(() -> gui.model.sessionFiles().open(bad)).get();
        WaitForAsyncUtils.waitForFxEvents();
        String message = robot.lookup("#message-bar-text").queryAs(Label.class).getText();
        assertTrue(message.startsWith(bad + " is damaged, field \"scale\""), message);
        assertEquals(6, gui.model.builder().layersProperty().get(), "nothing of the bad file was applied");
        assertEquals("{\"layers\": 2, \"scale\": \"big\"}", Files.readString(bad), "nor was it touched");

        openSession(gui, "{\"layers\": 4, \"hide\": [\"train.sed\"], \"tab\": \"charts\", \"runs\": [\"gone\"]}");
        message = robot.lookup("#message-bar-text").queryAs(Label.class).getText();
        assertTrue(message.contains("hide: no control is called \"train.sed\"; valid: builder.layers"), message);
        assertTrue(message.contains("runs[0]: no run folder at " + tmp.resolve("gone")), message);
        assertEquals(4, gui.model.builder().layersProperty().get(), "the usable fields are applied");
        assertTrue(robot.lookup("#field-seed").query().isVisible());
    }

    @Test
    void aHandedOutSessionIsNeverSavedOverOnExit() throws Exception {
        Path file = handout.resolve("given.json");
        String text = "{\"layers\": 2, \"runs\": [], \"scale\": 1.25, \"hide\": [\"tab.landscape\"]}";
        Files.writeString(file, text);
        Path dir = tmp.resolve("handed-out");
        AppOptions options = AppOptions.parse(List.of("--session", file.toString(), "--runs-dir",
                dir.resolve("runs").toString(), "--sample-models", dir.resolve("none").toString()));
        assertTrue(options.sessionGiven());
        AppModel model = WaitForAsyncUtils.asyncFx(() -> {
            AppModel m = new AppModel(options, TinyRuns.embedded(dir.resolve("no-data")), GuiFixture.ANALYSIS);
            Windows.Built built = Windows.build(m);
            Stage s = new Stage();
            s.setScene(new javafx.scene.Scene(built.root(), 1000, 700));
            s.show();
            m.start();
            assertEquals(3, built.tabs().getTabs().size(), "the handed-out session hides the Landscape tab");
            m.builder().layersProperty().set(7);
            return m;
        }).get();
        WaitForAsyncUtils.asyncFx(model::close).get();
        assertEquals(text, Files.readString(file), "exit left the handed-out file as it was");
        Path copy = dir.resolve("mine.json");
        WaitForAsyncUtils.asyncFx(() -> model.sessionFiles().saveAs(copy)).get();
        Session s = new SessionStore(copy).read().orElseThrow();
        assertEquals(7, s.layers());
        assertEquals(List.of("tab.landscape"), s.hide(), "saving keeps what the session hides");
        assertEquals(Map.of(), s.zoom());
    }
}
