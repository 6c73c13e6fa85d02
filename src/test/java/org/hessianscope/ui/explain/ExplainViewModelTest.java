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

    private static ExplainViewModel model(BuilderViewModel builder) {
        Executor never = r -> {
            throw new AssertionError("no background work expected");
        };
        Messages messages = new Messages();
        RunsViewModel runs = new RunsViewModel(new JobViewModel(never, messages), messages,
                new DatasetCatalog(DataLocations.ofSystem(null)), null, AnalysisOptions.interactive());
        return new ExplainViewModel(builder, runs);
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
}
