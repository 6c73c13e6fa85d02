package org.hessianscope.ui.explain;

import org.hessianscope.ui.builder.BuilderViewModel;
import org.hessianscope.ui.common.JobViewModel;
import org.hessianscope.ui.common.Messages;
import org.hessianscope.ui.runs.RunsViewModel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.Executor;
import org.hessianscope.analysis.AnalysisOptions;
import org.hessianscope.data.DatasetCatalog;
import org.hessianscope.data.DataLocations;
import org.junit.jupiter.api.Test;

/** The Toeplitz picture without a window: its matrix is the layer's convolution, checked by sliding the kernel by hand. */
public class ExplainViewModelTest {
    static final double EXACT = 0.0;

    /** Without the layer norms (seconds of power iteration each): only {@link #theLayersNormIsItsOperatorNorm} waits for them. */
    private static ExplainViewModel model(BuilderViewModel builder) {
        return model(builder, r -> { });
    }

    private static ExplainViewModel model(BuilderViewModel builder, Executor norms) {
        Executor never = r -> {
            throw new AssertionError("no background work expected");
        };
        Messages messages = new Messages();
        RunsViewModel runs = new RunsViewModel(new JobViewModel(never, messages), messages,
                new DatasetCatalog(DataLocations.ofSystem(null)), null, AnalysisOptions.interactive());
        return new ExplainViewModel(builder, runs, norms, Runnable::run);
    }

    @Test
    void theMatrixIsTheKernelSlidOverTheInput() {
        BuilderViewModel builder = new BuilderViewModel(); // k = 3
        ExplainViewModel vm = model(builder);
        vm.inputSizeProperty().set(5);
        ExplainViewModel.Picture p = vm.pictureProperty().get();
        double[][] w = p.kernel();
        double[][] t = p.matrix();
        assertEquals(9, t.length, "(5 − 3 + 1)² output pixels");
        assertEquals(25, t[0].length, "5² input pixels");
        // Row (i, j) holds w[a][b] at input pixel (i + a, j + b) and zeros elsewhere (valid cross-correlation).
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double[] row = t[i * 3 + j];
                double[] expected = new double[25];
                for (int a = 0; a < 3; a++) {
                    for (int b = 0; b < 3; b++) {
                        expected[(i + a) * 5 + (j + b)] = w[a][b];
                    }
                }
                org.junit.jupiter.api.Assertions.assertArrayEquals(expected, row, EXACT);
            }
        }
    }

    @Test
    void anotherLayerAndAnInvalidSpecAreFollowed() {
        BuilderViewModel builder = new BuilderViewModel();
        builder.kernelProperty().set(2);
        ExplainViewModel vm = model(builder);
        vm.layerProperty().set(2);
        vm.inputSizeProperty().set(4);
        assertEquals(2, vm.pictureProperty().get().kernel().length);
        assertEquals(9, vm.pictureProperty().get().matrix().length);
        assertEquals(true, vm.pictureProperty().get().caption().startsWith("conv2:"));
        builder.hiddenProperty().set("oops");
        assertNull(vm.pictureProperty().get());
    }

    /**
     * The drill-down's block for channels (o, c) is the block of the whole layer's Toeplitz matrix from the
     * bounds package (the core the CLI's bounds use), cut out here by row and column ranges.
     */
    @Test
    void theChosenBlockIsThatOfTheWholeLayersMatrix() {
        BuilderViewModel builder = new BuilderViewModel();
        builder.layersProperty().set(3);
        builder.channelsProperty().set(3);
        builder.seedProperty().set(5);
        ExplainViewModel vm = model(builder);
        vm.show(2);
        vm.outChannelProperty().set(2);
        vm.inChannelProperty().set(3);
        vm.inputSizeProperty().set(5);
        ExplainViewModel.Picture p = vm.pictureProperty().get();
        assertEquals(2, p.layer());
        assertEquals(2, p.outChannel());
        assertEquals(3, p.inChannel());
        org.hessianscope.arch.ArchitectureSpec spec = builder.specProperty().get();
        double[] theta = org.hessianscope.train.PyTorchInit.initialise(spec, 5);
        var t = spec.parameterLayout().tensor("conv2.weight").orElseThrow();
        double[] w = java.util.Arrays.copyOfRange(theta, t.offset(), t.offset() + t.size());
        double[][] whole = org.hessianscope.bounds.ToeplitzOperator.conv2d(3, 3, w,
                new org.hessianscope.arch.FeatureMap(3, 5, 5)).matrix().toDense();
        assertEquals(27, whole.length, "3 output channels × 3² pixels");
        assertEquals(75, whole[0].length, "3 input channels × 5² pixels");
        assertEquals(9, p.matrix().length);
        for (int r = 0; r < 9; r++) {
            double[] expected = java.util.Arrays.copyOfRange(whole[9 + r], 2 * 25, 3 * 25);
            org.junit.jupiter.api.Assertions.assertArrayEquals(expected, p.matrix()[r], EXACT, "row " + r);
        }
        // The kernel is W[2, 3] and the colour scale is symmetric about 0 up to its largest |weight|.
        double max = 0;
        for (int i = 0; i < 9; i++) {
            double wi = w[(1 * 3 + 2) * 9 + i];
            assertEquals(wi, p.kernel()[i / 3][i % 3], EXACT);
            max = Math.max(max, Math.abs(wi));
        }
        assertEquals(max, p.scale().max(), EXACT);
        assertEquals(-max, p.scale().min(), EXACT);
        assertEquals(0.5, p.scale().fraction(0), EXACT);
    }

    /**
     * The layer's ‖T‖₂ shown is the layer's operator norm: checked against a plain power iteration on
     * the dense matrix of conv1 (1×28×28 → 2×26×26) written here, not the bounds package's block iteration.
     */
    @Test
    void theLayersNormIsItsOperatorNorm() {
        BuilderViewModel builder = new BuilderViewModel();
        builder.layersProperty().set(1);
        builder.channelsProperty().set(2);
        ExplainViewModel vm = model(builder, Runnable::run);
        vm.show(1);
        org.hessianscope.arch.ArchitectureSpec spec = builder.specProperty().get();
        double[] theta = org.hessianscope.train.PyTorchInit.initialise(spec, 0);
        var t = spec.parameterLayout().tensor("conv1.weight").orElseThrow();
        double[] w = java.util.Arrays.copyOfRange(theta, t.offset(), t.offset() + t.size());
        double[][] a = org.hessianscope.bounds.ToeplitzOperator.conv2d(2, 3, w,
                new org.hessianscope.arch.FeatureMap(1, 28, 28)).matrix().toDense();
        double[] x = new double[a[0].length];
        java.util.Arrays.fill(x, 1);
        double sigma = 0;
        for (int it = 0; it < 1500; it++) { // x ← AᵀA x / ‖AᵀA x‖; σ² = ‖A x‖² for the unit x (Rayleigh quotient)
            double[] y = new double[a.length];
            for (int r = 0; r < a.length; r++) {
                for (int c = 0; c < x.length; c++) {
                    y[r] += a[r][c] * x[c];
                }
            }
            double[] z = new double[x.length];
            for (int r = 0; r < a.length; r++) {
                for (int c = 0; c < x.length; c++) {
                    z[c] += a[r][c] * y[r];
                }
            }
            double norm = Math.sqrt(java.util.Arrays.stream(z).map(v -> v * v).sum());
            double xn = Math.sqrt(java.util.Arrays.stream(x).map(v -> v * v).sum());
            sigma = Math.sqrt(java.util.Arrays.stream(y).map(v -> v * v).sum()) / xn;
            for (int c = 0; c < x.length; c++) {
                x[c] = z[c] / norm;
            }
        }
        String text = vm.normsProperty().get();
        String expected = String.format(java.util.Locale.ROOT, "‖T‖₂ = %.4g,", sigma);
        org.junit.jupiter.api.Assertions.assertTrue(text.contains(expected), expected + " in: " + text);
        org.junit.jupiter.api.Assertions.assertTrue(text.startsWith("conv1 on its 1×28×28 input"), text);
    }
}
