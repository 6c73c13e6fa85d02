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

    public void error(String what, Throwable e) {
        text.set(what + " failed: " + describe(e));
        error.set(true);
    }

    /** Something the user must see that stopped nothing (e.g. a damaged run set aside): shown like an error. */
    public void warning(String message) {
        text.set(message);
        error.set(true);
    }

    public void info(String message) {
        text.set(message);
        error.set(false);
    }

    public void clear() {
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

    public ReadOnlyBooleanProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
