package org.hessianscope.ui.common;

import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;

/**
 * The job shown in one progress strip: its title, progress, message and whether it runs.
 * Failures go to {@link Messages}, so no job can end in a silent stack trace.
 */
public final class JobViewModel {
    private final Executor executor;
    private final Messages messages;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private Task<?> current;

    public JobViewModel(Executor executor, Messages messages) {
        this.executor = executor;
        this.messages = messages;
    }

    /** Starts {@code job}; its own callbacks run after the strip is updated. Call on the JavaFX thread. */
    public <T> void run(BackgroundTask<T> job) {
        if (running.get()) {
            messages.info("wait for \"" + title.get() + "\" to finish, or cancel it");
            return;
        }
        Task<T> task = job.toFxTask();
        title.set(job.title());
        message.unbind();
        progress.unbind();
        message.bind(task.messageProperty());
        progress.bind(task.progressProperty());
        running.set(true);
        current = task;
        var success = task.getOnSucceeded();
        var failed = task.getOnFailed();
        var cancelled = task.getOnCancelled();
        task.setOnSucceeded(e -> {
            finish(task, "done");
            success.handle(e);
        });
        task.setOnFailed(e -> {
            boolean cancelledInside = task.getException() instanceof java.util.concurrent.CancellationException;
            finish(task, cancelledInside ? "cancelled" : "failed");
            if (!cancelledInside) {
                messages.error(job.title(), task.getException());
            }
            failed.handle(e);
        });
        task.setOnCancelled(e -> {
            finish(task, "cancelled");
            cancelled.handle(e);
        });
        executor.execute(task);
    }

    private void finish(Task<?> task, String how) {
        message.unbind();
        progress.unbind();
        message.set(title.get() + ": " + how);
        progress.set(how.equals("done") ? 1 : 0);
        running.set(false);
        if (current == task) {
            current = null;
        }
    }

    public void cancel() {
        if (current != null) {
            current.cancel();
        }
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
