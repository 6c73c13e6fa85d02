package org.hessianscope.ui.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.hessianscope.data.DatasetName;
import org.hessianscope.ui.common.EditHistory;
import org.junit.jupiter.api.Test;

/** The builder's undo steps without a window: what one step holds and what it is called. */
public class BuilderEditsTest {
    @Test
    void everySettingIsAStepNamedAfterItsChange() {
        BuilderViewModel vm = new BuilderViewModel(); // L = 2, k = 3, C = 6, MNIST, seed 0
        EditHistory h = new EditHistory();
        BuilderEdits.record(vm, h);
        vm.channelsProperty().set(8);
        assertEquals("channels 6 → 8", h.undoNameProperty().get());
        vm.poolProperty().set("max");
        assertEquals("pool none → max", h.undoNameProperty().get());
        vm.datasetProperty().set(DatasetName.FASHION_MNIST);
        assertEquals("dataset " + DatasetName.MNIST + " → " + DatasetName.FASHION_MNIST, h.undoNameProperty().get());
        vm.hiddenProperty().set("64,32");
        assertEquals("hidden widths none → \"64,32\"", h.undoNameProperty().get());
        vm.reluLastProperty().set(true);
        assertEquals("ReLU after the last conv off → on", h.undoNameProperty().get());
        for (int i = 0; i < 5; i++) {
            h.undo();
        }
        assertEquals(6, vm.channelsProperty().get());
        assertEquals("none", vm.poolProperty().get());
        assertEquals(DatasetName.MNIST, vm.datasetProperty().get());
        assertEquals("", vm.hiddenProperty().get());
        assertFalse(vm.reluLastProperty().get());
        assertFalse(h.canUndo(), "undoing recorded no new steps");
        assertEquals("channels 6 → 8", h.redoNameProperty().get());
    }

    /** Lowering L below the pool's position also lowers the position: one step, and one undo puts both back. */
    @Test
    void theBuildersOwnFollowUpBelongsToTheSameStep() {
        BuilderViewModel vm = new BuilderViewModel();
        vm.layersProperty().set(4);
        vm.poolProperty().set("max");
        vm.poolAtProperty().set(3);
        EditHistory h = new EditHistory();
        BuilderEdits.record(vm, h);
        vm.layersProperty().set(2);
        assertEquals(2, vm.poolAtProperty().get());
        assertEquals("layers 4 → 2, pool replaces relu 3 → 2", h.undoNameProperty().get());
        h.undo();
        assertEquals(4, vm.layersProperty().get());
        assertEquals(3, vm.poolAtProperty().get());
        assertFalse(h.canUndo());
        h.redo();
        assertEquals(2, vm.layersProperty().get());
        assertEquals(2, vm.poolAtProperty().get());
    }

    @Test
    void typingInAFieldIsOneStepUntilItLosesFocus() {
        BuilderViewModel vm = new BuilderViewModel();
        EditHistory h = new EditHistory();
        BuilderEdits.record(vm, h);
        vm.gestureProperty().set("field-seed");
        vm.seedProperty().set(1);
        vm.seedProperty().set(12);
        vm.gestureProperty().set(null);
        vm.seedProperty().set(7); // e.g. from a session: a step of its own
        assertEquals("seed 12 → 7", h.undoNameProperty().get());
        h.undo();
        assertEquals("seed 0 → 12", h.undoNameProperty().get());
        h.undo();
        assertEquals(0, vm.seedProperty().get());
    }
}
