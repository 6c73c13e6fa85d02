package org.hessianscope.ui.common;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The window's undo and redo lists (Edit → Undo, Redo). Each change is one {@link Edit}. A change
 * recorded while its gesture is open (a slider being dragged, a field being typed in) merges
 * with the step before it when both carry the same key, so a drag from 8 to 12 is one step
 * "channels 8 → 12", not four. A new change after an undo clears the redo list. Undoing and
 * redoing never record themselves: {@link #replaying()} tells the recorders to keep quiet.
 */
public final class EditHistory {
    /**
     * Marks a text field (in its {@code getProperties()}) whose typing this history records: there the window's
     * Undo and Redo keys undo the window's steps, not the field's own text history, which left the field's text
     * and the value the window holds apart (Ctrl+Z after typing "12" into the seed showed "" while the seed
     * stayed 12).
     */
    public static final String FIELD = "hessianscope.edit-history-field";

    /** One undoable change; {@link #merge} returns the change from this one's start to {@code later}'s end, or null. */
    public interface Edit {
        String name();

        void undo();

        void redo();

        /** {@code this} followed by {@code later} as one change, or null if they cannot be one. */
        default Edit merge(Edit later) {
            return null;
        }

        /** A change that changes nothing (a drag back to where it began): dropped, not kept as a step. */
        default boolean isNoOp() {
            return false;
        }
    }

    /** A recorded change, the gesture it belongs to ({@code key}) and whether that gesture still goes on. */
    private record Step(Edit edit, Object key, boolean open) {
    }

    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Edit> redo = new ArrayDeque<>();
    private final ReadOnlyStringWrapper undoName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper redoName = new ReadOnlyStringWrapper("");
    private boolean replaying;

    /** Records {@code e} as a step of its own that nothing merges into. */
    public void record(Edit e) {
        record(e, null, false);
    }

    /**
     * Records {@code e}. If the last step has the same non-null {@code key} and its gesture was still
     * {@code open}, the two become one step; {@code open} says whether this gesture goes on after {@code e}.
     */
    public void record(Edit e, Object key, boolean open) {
        if (replaying) {
            return;
        }
        redo.clear();
        Step top = undo.peek();
        if (top != null && top.open() && key != null && Objects.equals(top.key(), key)) {
            Edit merged = top.edit().merge(e);
            if (merged != null) {
                undo.pop();
                if (!merged.isNoOp()) {
                    undo.push(new Step(merged, key, open));
                }
                changed();
                return;
            }
        }
        if (!e.isNoOp()) {
            undo.push(new Step(e, key, open));
        }
        changed();
    }

    /** Ends the last step's gesture (a drag released, a field left): the next change is a step of its own. */
    public void seal() {
        Step top = undo.peek();
        if (top != null && top.open()) {
            undo.pop();
            undo.push(new Step(top.edit(), top.key(), false));
        }
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /** Undoes the last step, if any, and moves it to the redo list. */
    public void undo() {
        if (undo.isEmpty()) {
            return;
        }
        Edit e = undo.pop().edit();
        replay(e::undo);
        redo.push(e);
        changed();
    }

    /** Redoes the last undone step, if any. */
    public void redo() {
        if (redo.isEmpty()) {
            return;
        }
        Edit e = redo.pop();
        replay(e::redo);
        undo.push(new Step(e, null, false));
        changed();
    }

    /**
     * Undoes {@code e} itself (the message bar's Undo after Remove): the usual undo when it is the
     * last step; otherwise it is taken out of the list wherever it is, so Edit → Undo never repeats it.
     */
    public void undo(Edit e) {
        if (!undo.isEmpty() && undo.peek().edit() == e) {
            undo();
            return;
        }
        if (undo.removeIf(s -> s.edit() == e)) {
            replay(e::undo);
            changed();
        }
    }

    /** Forgets every step (the window's start: restoring the last session is not a change to undo). */
    public void clear() {
        undo.clear();
        redo.clear();
        changed();
    }

    /** True while an undo or redo runs: the changes it makes are not new steps. */
    public boolean replaying() {
        return replaying;
    }

    /** The name of the step Undo would undo ("channels 8 → 12"), empty when there is none; the Edit menu shows it. */
    public ReadOnlyStringProperty undoNameProperty() {
        return undoName.getReadOnlyProperty();
    }

    /** The name of the step Redo would redo, empty when there is none. */
    public ReadOnlyStringProperty redoNameProperty() {
        return redoName.getReadOnlyProperty();
    }

    private void replay(Runnable r) {
        replaying = true;
        try {
            r.run();
        } finally {
            replaying = false;
        }
    }

    private void changed() {
        undoName.set(undo.isEmpty() ? "" : undo.peek().edit().name());
        redoName.set(redo.isEmpty() ? "" : redo.peek().name());
    }
}
