package org.hessianscope.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import javafx.scene.Node;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.FeatureMap;
import org.hessianscope.bounds.ToeplitzOperator;
import org.hessianscope.figure.ColourMap;
import org.hessianscope.train.PyTorchInit;
import org.hessianscope.ui.builder.LayerRow;
import org.hessianscope.ui.explain.ColourBar;
import org.hessianscope.ui.explain.ExplainView;
import org.hessianscope.ui.explain.ExplainViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 17: the shape table drills down into Explain, with channel choosers and a colour scale. */
@ExtendWith(ApplicationExtension.class)
public class DrillDownWindowTest {
    @TempDir
    static java.nio.file.Path tmp;
    GuiFixture gui;

    @Start
    void start(Stage stage) {
        gui = GuiFixture.fresh(stage, tmp);
    }

    @AfterEach
    void close() throws Exception {
        gui.close();
    }

    @SuppressWarnings("unchecked")
    private TableRow<LayerRow> row(FxRobot robot, String stage) {
        return robot.lookup((Node n) -> n instanceof TableRow<?> r && r.getItem() instanceof LayerRow l
                && l.stage().equals(stage)).queryAs(TableRow.class);
    }

    private String tab() {
        return gui.built.tabs().getSelectionModel().getSelectedItem().getText();
    }

    @Test
    void aClickOnAConvRowOpensItsBlockInExplain(FxRobot robot) throws Exception {
        robot.interact(() -> {
            gui.model.builder().layersProperty().set(3);
            gui.model.builder().channelsProperty().set(3);
            gui.model.builder().seedProperty().set(2);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Charts", tab());
        robot.clickOn(row(robot, "conv2"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Explain", tab(), "the click switched to Explain");
        ExplainViewModel vm = robot.lookup("#explain").queryAs(ExplainView.class).model();
        assertEquals(2, robot.lookup("#explain-layer").queryAs(Spinner.class).getValue());
        // The channel choosers, driven by their arrows: output channel 2, input channel 3.
        robot.clickOn(robot.lookup("#explain-out-channel").lookup(".increment-arrow-button").queryAs(Node.class));
        Node inUp = robot.lookup("#explain-in-channel").lookup(".increment-arrow-button").query();
        robot.clickOn(inUp).clickOn(inUp).clickOn(inUp); // the third press stays at 3, the layer's input channels
        WaitForAsyncUtils.waitForFxEvents();
        ExplainViewModel.Picture p = vm.pictureProperty().get();
        assertEquals(2, p.layer());
        assertEquals(2, p.outChannel());
        assertEquals(3, p.inChannel());
        assertTrue(robot.lookup("#explain-caption").queryLabeled().getText().startsWith("conv2: the 3×3 kernel W[2, 3]"));

        // The block shown is block (2, 3) of the layer's whole Toeplitz matrix, as the bounds package builds it.
        ArchitectureSpec spec = gui.model.builder().specProperty().get();
        double[] theta = PyTorchInit.initialise(spec, 2);
        var t = spec.parameterLayout().tensor("conv2.weight").orElseThrow();
        double[] w = Arrays.copyOfRange(theta, t.offset(), t.offset() + t.size());
        int n = vm.inputSizeProperty().get();
        int out = (n - 2) * (n - 2);
        double[][] whole = ToeplitzOperator.conv2d(3, 3, w, new FeatureMap(3, n, n)).matrix().toDense();
        for (int r = 0; r < out; r++) {
            assertArrayEquals(Arrays.copyOfRange(whole[out + r], 2 * n * n, 3 * n * n), p.matrix()[r], 0.0);
        }

        // The colour bar: max |W[2, 3]| at the top, 0 in the middle, its negative at the bottom.
        double max = 0;
        for (int i = 0; i < 9; i++) {
            max = Math.max(max, Math.abs(w[(1 * 3 + 2) * 9 + i]));
        }
        ColourBar bar = robot.lookup("#toeplitz-colour-bar").queryAs(ColourBar.class);
        String top = String.format(java.util.Locale.ROOT, "%.3g", max);
        assertEquals(java.util.List.of(top, String.format(java.util.Locale.ROOT, "%.3g", max / 2), "0",
                String.format(java.util.Locale.ROOT, "%.3g", -max / 2), "-" + top), bar.tickTexts());
        // A cell of the heat map has the colour map's colour of its value on that scale.
        javafx.scene.canvas.Canvas map = robot.lookup("#toeplitz-heatmap").queryAs(javafx.scene.canvas.Canvas.class);
        WritableImage shot = WaitForAsyncUtils.asyncFx(() -> map.snapshot(null, null)).get();
        double cell = map.getWidth() / p.matrix()[0].length;
        Color seen = shot.getPixelReader().getColor((int) (cell * 1.5), (int) (cell * 0.5));
        int rgb = ColourMap.rgb(p.scale().fraction(p.matrix()[0][1]));
        assertEquals((rgb >> 16) & 0xff, (int) Math.round(seen.getRed() * 255), 1);
        assertEquals((rgb >> 8) & 0xff, (int) Math.round(seen.getGreen() * 255), 1);
        assertEquals(rgb & 0xff, (int) Math.round(seen.getBlue() * 255), 1);

        // The layer's norms arrive from the background and name the layer's real input map.
        GuiFixture.await("the layer norms", () -> vm.normsProperty().get().startsWith("conv2 on its 3×26×26 input: ‖T‖₂ = "));
    }

    @Test
    void enterOnAConvRowOpensItAndOtherRowsDoNot(FxRobot robot) throws Exception {
        robot.interact(() -> gui.model.builder().layersProperty().set(2));
        TableView<?> table = robot.lookup("#shape-table").queryAs(TableView.class);
        robot.clickOn(row(robot, "relu1"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Charts", tab(), "a ReLU has no Toeplitz matrix: nothing to open");
        robot.type(KeyCode.UP); // to conv1
        assertEquals("conv1", ((LayerRow) table.getSelectionModel().getSelectedItem()).stage());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Explain", tab());
        assertEquals(1, robot.lookup("#explain-layer").queryAs(Spinner.class).getValue());
        assertTrue(gui.model.runs().runs().isEmpty() && !gui.model.train().job().runningProperty().get(),
                "Enter in the table starts no training");
    }
}
