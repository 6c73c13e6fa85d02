package org.hessianscope.task;

import java.util.concurrent.CancellationException;

/**
 * How long work reports progress and learns that it should stop. The GUI, the
 * CLI's progress bar and the tests each supply one; the core only calls it.
 * Implementations must be thread-safe: work on several cores reports from each.
 */
public interface ProgressMonitor {

    /** {@code done} of {@code total} units finished; {@code message} says what (e.g. "epoch 2/10, loss 0.31"). */
    void progress(long done, long total, String message);

    boolean isCancelled();

    /** Throws {@link CancellationException} if cancelled; long loops call it between units of work. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancellationException("cancelled");
        }
    }

    /** Reports nowhere and never cancels. */
    ProgressMonitor NONE = new ProgressMonitor() {
        public void progress(long done, long total, String message) {
        }

        public boolean isCancelled() {
            return false;
        }
    };
}
