package org.hessianscope.ui.common;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The window's message bar: the last error (with its cause) or notice. Errors never reach the user as stack traces. */
public final class Messages {
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(false);
    /** The button beside the message (e.g. Undo after Remove), or null for none. */
    private final javafx.beans.property.ReadOnlyObjectWrapper<Action> action =
            new javafx.beans.property.ReadOnlyObjectWrapper<>();

    /** The last background job that ended, for a notification in the window's corner; see {@link #notice}. */
    private final javafx.beans.property.ReadOnlyObjectWrapper<Notice> notice =
            new javafx.beans.property.ReadOnlyObjectWrapper<>();

    /**
     * A long job ended (training, analysis, sweep): what ended ("Training finished"), which run or sweep and
     * how; {@code failed} for a job that failed. Shown by {@link JobNotifications}, beside the message bar.
     */
    public record Notice(String title, String text, boolean failed) {
    }

    /** A button the message offers: its label and what pressing it does. */
    public record Action(String label, Runnable run) {
    }

    public void error(String what, Throwable e) {
        action.set(null);
        text.set(what + " failed: " + describe(e));
        error.set(true);
    }

    /** Something the user must see that stopped nothing (e.g. a damaged run set aside): shown like an error. */
    public void warning(String message) {
        action.set(null);
        text.set(message);
        error.set(true);
    }

    public void info(String message) {
        action.set(null);
        text.set(message);
        error.set(false);
    }

    /** A notice with a button, e.g. "removed run x" with Undo; pressing it runs the action and clears the bar. */
    public void info(String message, String actionLabel, Runnable run) {
        info(message);
        action.set(new Action(actionLabel, () -> {
            clear();
            run.run();
        }));
    }

    /** Announces that a long job ended; every call notifies the listeners, even with the same words. */
    public void notice(String title, String text, boolean failed) {
        notice.set(null);
        notice.set(new Notice(title, text, failed));
    }

    /** The last job end announced, or null (briefly, between two announcements). */
    public javafx.beans.property.ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public void clear() {
        action.set(null);
        text.set("");
        error.set(false);
    }

    /** The message of the innermost meaningful cause, with its type when it has no message. */
    public static String describe(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException
                || t instanceof java.io.UncheckedIOException) && t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage();
        StringBuilder s = new StringBuilder(m == null || m.isBlank() ? t.getClass().getSimpleName() : m);
        Throwable cause = t.getCause();
        if (cause != null && cause.getMessage() != null && !s.toString().contains(cause.getMessage())) {
            s.append(" (cause: ").append(cause.getMessage()).append(')');
        }
        return s.toString();
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyObjectProperty<Action> actionProperty() {
        return action.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
