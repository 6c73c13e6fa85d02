package org.hessianscope.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The one hand-over from worker threads to the JavaFX thread (training steps, Lanczos steps,
 * sweep progress). Workers post items under a lock; at most one delivery is queued on the
 * JavaFX executor at a time, so however fast they post, the JavaFX thread gets one batch per
 * turn holding every item posted since the last (coalesced), and the last item always arrives.
 * <p>
 * Each job posts through the {@link Consumer} returned by {@link #restart()}: a restart begins a
 * new generation and drops what the old one posted and has not been delivered, or posts late while
 * winding down (versioned), so a cancelled job's last steps never reach the next job's chart.
 */
public final class Feed<T> {
    private final Executor fx;
    private final Object lock = new Object();
    private Consumer<List<T>> consumer = batch -> {
    };
    private List<T> pending = new ArrayList<>();
    private long generation;
    private boolean queued;

    /** {@code fx} runs the deliveries: {@code Platform::runLater} in the application. */
    public Feed(Executor fx) {
        this.fx = fx;
    }

    /** What receives each batch, oldest item first, on the JavaFX thread. */
    public void onBatch(Consumer<List<T>> c) {
        consumer = c;
    }

    /** Starts a new generation and returns the only sink that still delivers; earlier sinks go quiet. */
    public Consumer<T> restart() {
        long mine;
        synchronized (lock) {
            mine = ++generation;
            pending = new ArrayList<>();
        }
        return item -> post(mine, item);
    }

    /** Drops what is pending and silences every sink handed out so far. */
    public void stop() {
        restart();
    }

    private void post(long from, T item) {
        boolean schedule;
        synchronized (lock) {
            if (from != generation) {
                return;
            }
            pending.add(item);
            schedule = !queued;
            queued = true;
        }
        if (schedule) {
            fx.execute(this::deliver);
        }
    }

    private void deliver() {
        List<T> batch;
        synchronized (lock) {
            batch = pending;
            pending = new ArrayList<>();
            queued = false;
        }
        if (!batch.isEmpty()) {
            consumer.accept(batch);
        }
    }
}
