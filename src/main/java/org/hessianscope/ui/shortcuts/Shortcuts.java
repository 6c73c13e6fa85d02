package org.hessianscope.ui.shortcuts;

import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * Every keyboard shortcut of the window, in one place: the menus show them as accelerators and
 * Help → Keyboard shortcuts lists them, so the two can never disagree. "Shortcut" is Ctrl (⌘ on a Mac).
 */
public final class Shortcuts {
    public static final KeyCombination TRAIN = shortcut(KeyCode.ENTER);
    /** Escape: stops the training or the analysis, whichever runs. */
    public static final KeyCombination CANCEL = new KeyCodeCombination(KeyCode.ESCAPE);
    public static final KeyCombination OPEN_RUN = shortcut(KeyCode.O);
    public static final KeyCombination EXPORT_CHARTS = shortcut(KeyCode.E);
    public static final KeyCombination RESET_ZOOM = shortcut(KeyCode.DIGIT0);
    public static final KeyCombination GUIDE = new KeyCodeCombination(KeyCode.F1);
    public static final KeyCombination UNDO = shortcut(KeyCode.Z);
    public static final KeyCombination REDO = shortcut(KeyCode.Z, KeyCombination.SHIFT_DOWN);
    /** Redo's second keys, as on Windows and Linux; only the scene knows them (a menu item shows one). */
    public static final KeyCombination REDO_ALT = shortcut(KeyCode.Y);
    /** Lesson mode's Play/Pause, Step batch, Step epoch and Reset: plain function keys, easy to find in front of a class. */
    public static final KeyCombination LESSON_PLAY_PAUSE = new KeyCodeCombination(KeyCode.F5);
    public static final KeyCombination LESSON_STEP_BATCH = new KeyCodeCombination(KeyCode.F6);
    public static final KeyCombination LESSON_STEP_EPOCH = new KeyCodeCombination(KeyCode.F7);
    public static final KeyCombination LESSON_RESET = new KeyCodeCombination(KeyCode.F8);
    /** Shortcut+1 … Shortcut+4: the tabs in their order (Charts, Landscape, Explain, Experiments). */
    private static final KeyCode[] DIGITS = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4,
            KeyCode.DIGIT5, KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};

    /** One line of the shortcut list: what it does and its keys. */
    public record Entry(String action, KeyCombination keys) {
        public String keysText() {
            return keys.getDisplayText();
        }
    }

    private Shortcuts() {
    }

    /** The shortcut that selects tab {@code i} (0-based); tabs past the ninth have none. */
    public static KeyCombination tab(int i) {
        return i < DIGITS.length ? shortcut(DIGITS[i]) : null;
    }

    public static List<Entry> all(List<String> tabs) {
        List<Entry> list = new java.util.ArrayList<>(List.of(
                new Entry("Train the builder's network", TRAIN),
                new Entry("Cancel the training or the analysis", CANCEL),
                new Entry("Open a run folder", OPEN_RUN),
                new Entry("Export the four charts (PNG 2× and PDF) to a folder", EXPORT_CHARTS),
                new Entry("Reset the zoom of every chart", RESET_ZOOM),
                new Entry("Undo the last change of the builder (or Remove)", UNDO),
                new Entry("Redo the change undone last", REDO),
                new Entry("Redo, as " + REDO.getDisplayText() + " does", REDO_ALT),
                new Entry("User guide", GUIDE),
                new Entry("Lesson: play or pause the training", LESSON_PLAY_PAUSE),
                new Entry("Lesson: train one batch, then pause", LESSON_STEP_BATCH),
                new Entry("Lesson: train to the end of the epoch, then pause", LESSON_STEP_EPOCH),
                new Entry("Lesson: start again from the seed's initial weights", LESSON_RESET)));
        for (int i = 0; i < tabs.size() && tab(i) != null; i++) {
            list.add(new Entry("Show the " + tabs.get(i) + " tab", tab(i)));
        }
        return list;
    }

    private static KeyCombination shortcut(KeyCode code, KeyCombination.Modifier... more) {
        KeyCombination.Modifier[] mods = new KeyCombination.Modifier[more.length + 1];
        mods[0] = KeyCombination.SHORTCUT_DOWN;
        System.arraycopy(more, 0, mods, 1, more.length);
        return new KeyCodeCombination(code, mods);
    }
}
