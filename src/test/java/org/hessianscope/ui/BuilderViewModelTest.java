package org.hessianscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.bounds.BoundPreview;
import org.junit.jupiter.api.Test;

/** The builder's view model alone: JavaFX properties work without a window or toolkit. */
class BuilderViewModelTest {

    @Test
    void defaultSpecHasTheHandCountedShapesAndParameters() {
        BuilderViewModel vm = new BuilderViewModel(); // L = 2, k = 3, C = 8 on MNIST
        // conv1: 8·1·3·3 + 8 = 80 → 8×26×26; conv2: 8·8·3·3 + 8 = 584 → 8×24×24; fc1: 4608·10 + 10 = 46,090.
        assertEquals(List.of(new LayerRow("conv1", "8×26×26", 80), new LayerRow("relu1", "8×26×26", 0),
                new LayerRow("conv2", "8×24×24", 584), new LayerRow("fc1", "10×1×1", 46_090)), vm.rows());
        assertEquals("46,754 parameters", vm.totalParametersProperty().get());
    }

    @Test
    void moreLayersChangeTheTableAndRaiseTheBoundPreview() {
        BuilderViewModel vm = new BuilderViewModel();
        String before = vm.boundPreviewProperty().get();
        vm.layersProperty().set(3);
        assertEquals(6, vm.rows().size());
        assertEquals("8×22×22", vm.rows().get(4).output());
        assertNotEquals(before, vm.boundPreviewProperty().get());
        ArchitectureSpec spec = vm.specProperty().get();
        double theorem2 = BoundPreview.of(spec, BuilderViewModel.PREVIEW_INPUT_NORM_SQ).theorem2().log10();
        assertTrue(vm.boundPreviewProperty().get().contains(String.format(java.util.Locale.ROOT, "Theorem 2 %.1f",
                theorem2)), vm.boundPreviewProperty().get());
    }

    @Test
    void aVanishingMapIsExplainedAndClearsTheSpec() {
        BuilderViewModel vm = new BuilderViewModel();
        vm.kernelProperty().set(7);
        vm.layersProperty().set(8);
        // 28 → 22 → 16 → 10 → 4: conv5's 7×7 kernel no longer fits its 4×4 map.
        assertNull(vm.specProperty().get());
        assertTrue(vm.problemProperty().get().contains("conv[5]"), vm.problemProperty().get());
        assertTrue(vm.rows().isEmpty());
        vm.layersProperty().set(4);
        assertNotNull(vm.specProperty().get());
        assertEquals("", vm.problemProperty().get());
    }

    @Test
    void hiddenWidthsThatAreNotNumbersAreExplained() {
        BuilderViewModel vm = new BuilderViewModel();
        vm.hiddenProperty().set("64, x");
        assertNull(vm.specProperty().get());
        assertTrue(vm.problemProperty().get().contains("\"x\""), vm.problemProperty().get());
        vm.hiddenProperty().set("16");
        assertEquals("fc2", vm.rows().get(vm.rows().size() - 1).stage());
    }
}
