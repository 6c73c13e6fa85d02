package org.hessianscope.ui.common;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.input.MouseEvent;
import javafx.stage.Popup;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

import java.util.List;

/**
 * Shows each {@link Messages.Notice} (a training, analysis or sweep that ended) as a ControlsFX
 * notification at the bottom centre of the window, over the charts' lower edge and the readout: in the
 * bottom-right corner it covered the run list's Analyse again / Remove and the analysis Cancel for 8 s.
 * It is a popup over the window, so no control moves, nothing waits for it, and it fades out by itself;
 * the message bar keeps the details. It also hides when the pointer reaches it ({@link #getOutOfTheWay}).
 */
public final class JobNotifications {
    /** Long enough to read two lines from the back of a classroom. */
    static final Duration SHOWN = Duration.seconds(8);
    /** ControlsFX sizes the popup to its longest line: wrapped here, a long error stays narrower than the charts. */
    static final int LINE = 56;

    private JobNotifications() {
    }

    /** From now on, every notice of {@code messages} shows over the window holding {@code root}. */
    public static void install(Node root, Messages messages) {
        messages.noticeProperty().addListener((o, was, notice) -> {
            Window window = root.getScene() == null ? null : root.getScene().getWindow();
            // The owner is given: without one ControlsFX guesses a focused window and may pick a menu's popup.
            if (notice != null && window != null && window.isShowing()) {
                Notifications n = Notifications.create().title(notice.title()).text(wrap(notice.text(), LINE)).owner(window)
                        .position(Pos.BOTTOM_CENTER).hideAfter(SHOWN);
                List<Window> before = List.copyOf(Window.getWindows());
                if (notice.failed()) {
                    n.showError();
                } else {
                    n.showInformation();
                }
                getOutOfTheWay(window, before);
            }
        });
    }

    /**
     * Every control is under the bottom centre of some tab (the Experiments tab's Load into charts is, at
     * 1260×780, right when its sweep's notice appears), and a popup takes the clicks meant for it. So the
     * notice ControlsFX just opened hides the moment the pointer reaches it; the message bar keeps its text.
     */
    private static void getOutOfTheWay(Window owner, List<Window> before) {
        for (Window w : List.copyOf(Window.getWindows())) {
            if (w instanceof Popup popup && popup.getOwnerWindow() == owner && !before.contains(w)
                    && popup.getScene() != null) {
                // Moved, not entered: a notice that opens under a resting pointer must still be seen.
                popup.getScene().addEventFilter(MouseEvent.MOUSE_MOVED, e -> popup.hide());
            }
        }
    }

    /** {@code text} with its lines broken at spaces so that none is longer than {@code width} (a longer word stays whole). */
    static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        for (String paragraph : text.split("\n", -1)) {
            int line = 0;
            if (out.length() > 0) {
                out.append('\n');
            }
            for (String word : paragraph.split(" ")) {
                if (line > 0 && line + 1 + word.length() > width) {
                    out.append('\n');
                    line = 0;
                } else if (line > 0) {
                    out.append(' ');
                    line++;
                }
                out.append(word);
                line += word.length();
            }
        }
        return out.toString();
    }
}
