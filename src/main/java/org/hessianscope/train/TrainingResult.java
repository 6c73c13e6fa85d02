package org.hessianscope.train;

import java.time.Instant;
import java.util.List;

/**
 * The end of a training run. {@code weights} are the last finite weights: after
 * the final step when {@link Status#COMPLETED}, after the last step taken when
 * cancelled or diverged. {@code message} says why it stopped.
 */
public record TrainingResult(double[] weights, Status status, String message, List<TrainingProgress> history,
                             Instant start, Instant end, List<Checkpoint> checkpoints) {

    /** A result that kept no checkpoints. */
    public TrainingResult(double[] weights, Status status, String message, List<TrainingProgress> history,
                          Instant start, Instant end) {
        this(weights, status, message, history, start, end, List.of());
    }

    public enum Status {
        COMPLETED, CANCELLED, DIVERGED;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public TrainingResult {
        history = List.copyOf(history);
        checkpoints = List.copyOf(checkpoints);
    }

    public long steps() {
        return history.isEmpty() ? 0 : history.get(history.size() - 1).step();
    }
}
