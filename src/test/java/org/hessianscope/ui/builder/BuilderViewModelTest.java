package org.hessianscope.ui.builder;

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
public class BuilderViewModelTest {

    @Test
    void defaultSpecHasTheHandCountedShapesAndParameters() {
        BuilderViewModel vm = new BuilderViewModel(); // L = 2, k = 3, C = 6 (the paper's C) on MNIST
        // conv1: 6·1·3·3 + 6 = 60 → 6×26×26; conv2: 6·6·3·3 + 6 = 330 → 6×24×24; fc1: 3456·10 + 10 = 34,570.
        assertEquals(List.of(new LayerRow("conv1", "6×26×26", 60), new LayerRow("relu1", "6×26×26", 0),
                new LayerRow("conv2", "6×24×24", 330), new LayerRow("fc1", "10×1×1", 34_570)), vm.rows());
        assertEquals("34,960 parameters", vm.totalParametersProperty().get());
    }

    @Test
    void moreLayersChangeTheTableAndRaiseTheBoundPreview() {
        BuilderViewModel vm = new BuilderViewModel();
        String before = vm.boundPreviewProperty().get();
        vm.layersProperty().set(3);
        assertEquals(6, vm.rows().size());
        assertEquals("6×22×22", vm.rows().get(4).output());
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
        // The table shows how far the maps get: conv1..conv4 with their ReLUs, then the failing conv5.
        assertEquals(9, vm.rows().size());
        assertEquals("conv5", vm.rows().get(8).stage());
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
