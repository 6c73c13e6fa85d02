package org.hessianscope.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The undo and redo lists alone, over a plain integer "setting" whose changes are recorded as the window's are. */
public class EditHistoryTest {
    /** A setting that records each of its changes, as BuilderEdits does for the builder. */
    private static final class Setting {
        final EditHistory history = new EditHistory();
        int value;
        final List<Integer> seen = new ArrayList<>();

        /** Sets the value; {@code gesture} non-null while a drag of that name goes on. */
        void set(int v, String gesture) {
            int was = value;
            apply(v);
            history.record(new Change(this, was, v), gesture, gesture != null);
        }

        void apply(int v) {
            value = v;
            seen.add(v);
        }
    }

    private record Change(Setting s, int before, int after) implements EditHistory.Edit {
        public String name() {
            return "channels " + before + " → " + after;
        }

        public void undo() {
            s.apply(before);
        }

        public void redo() {
            s.apply(after);
        }

        public EditHistory.Edit merge(EditHistory.Edit later) {
            return later instanceof Change c ? new Change(s, before, c.after) : null;
        }

        public boolean isNoOp() {
            return before == after;
        }
    }

    @Test
    void undoAndRedoWalkBackAndForthThroughTheSteps() {
        Setting s = new Setting();
        s.set(8, null);
        s.set(12, null);
        assertEquals("channels 8 → 12", s.history.undoNameProperty().get());
        assertFalse(s.history.canRedo());
        s.history.undo();
        assertEquals(8, s.value);
        assertEquals("channels 0 → 8", s.history.undoNameProperty().get());
        assertEquals("channels 8 → 12", s.history.redoNameProperty().get());
        s.history.undo();
        assertEquals(0, s.value);
        assertFalse(s.history.canUndo());
        assertEquals("", s.history.undoNameProperty().get());
        s.history.undo(); // nothing left: nothing happens
        assertEquals(0, s.value);
        s.history.redo();
        s.history.redo();
        assertEquals(12, s.value);
        assertFalse(s.history.canRedo());
        assertEquals(List.of(8, 12, 8, 0, 8, 12), s.seen);
    }

    @Test
    void aDragIsOneStepFromWhereItBeganToWhereItEnded() {
        Setting s = new Setting();
        s.set(8, null);
        s.set(9, "slider-channels");
        s.set(10, "slider-channels");
        s.set(12, "slider-channels");
        s.history.seal(); // released
        assertEquals("channels 8 → 12", s.history.undoNameProperty().get());
        s.history.undo();
        assertEquals(8, s.value);
        assertEquals("channels 0 → 8", s.history.undoNameProperty().get(), "one undo took the whole drag back");
    }

    @Test
    void aSealedDragAndAnotherControlsDragAreStepsOfTheirOwn() {
        Setting s = new Setting();
        s.set(9, "slider-channels");
        s.history.seal();
        s.set(10, "slider-channels"); // a second drag of the same slider
        s.set(11, "slider-layers"); // and one of another (same Change type, other key)
        s.set(12, null); // a change outside any gesture never merges
        s.history.undo();
        assertEquals(11, s.value);
        s.history.undo();
        assertEquals(10, s.value);
        s.history.undo();
        assertEquals(9, s.value);
        s.history.undo();
        assertEquals(0, s.value);
    }

    @Test
    void aDragBackToItsStartLeavesNoStep() {
        Setting s = new Setting();
        s.set(8, null);
        s.set(9, "slider-channels");
        s.set(8, "slider-channels");
        s.history.seal();
        assertEquals("channels 0 → 8", s.history.undoNameProperty().get());
    }

    @Test
    void aNewChangeAfterUndoClearsTheRedoList() {
        Setting s = new Setting();
        s.set(8, null);
        s.set(12, null);
        s.history.undo();
        assertTrue(s.history.canRedo());
        s.set(16, null);
        assertFalse(s.history.canRedo());
        assertEquals("", s.history.redoNameProperty().get());
        s.history.redo();
        assertEquals(16, s.value, "redo did nothing");
        s.history.undo();
        assertEquals(8, s.value);
    }

    @Test
    void undoAndRedoRecordNothingThemselves() {
        Setting s = new Setting();
        List<Boolean> replaying = new ArrayList<>();
        EditHistory.Edit watched = new EditHistory.Edit() {
            public String name() {
                return "remove run";
            }

            public void undo() {
                replaying.add(s.history.replaying());
                s.history.record(new Change(s, 1, 2)); // what a listener would record while the undo runs
            }

            public void redo() {
                replaying.add(s.history.replaying());
            }
        };
        s.history.record(watched);
        s.history.undo();
        s.history.redo();
        assertEquals(List.of(true, true), replaying);
        assertEquals("remove run", s.history.undoNameProperty().get());
        assertFalse(s.history.replaying());
        s.history.undo();
        assertFalse(s.history.canUndo(), "the change recorded during the undo was not kept");
    }

    @Test
    void undoingOneStepByItselfTakesItOutOfTheList() {
        Setting s = new Setting();
        List<String> done = new ArrayList<>();
        EditHistory.Edit removal = new EditHistory.Edit() {
            public String name() {
                return "remove run";
            }

            public void undo() {
                done.add("undo");
            }

            public void redo() {
                done.add("redo");
            }
        };
        s.history.record(removal);
        s.set(8, null);
        s.history.undo(removal); // the message bar's Undo after another change
        assertEquals(List.of("undo"), done);
        assertEquals(8, s.value, "the later change stays");
        s.history.undo();
        assertEquals(0, s.value);
        assertFalse(s.history.canUndo(), "the removal was not left to be undone twice");
    }
}
