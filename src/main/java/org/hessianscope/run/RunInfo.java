package org.hessianscope.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.hessianscope.Version;
import org.hessianscope.train.TrainingOptions;

/**
 * The contents of {@code run.json}: how a run was made and how it ended.
 *
 * @param status  completed, cancelled or diverged
 * @param message why training stopped
 * @param start   ISO-8601 instant training started
 * @param end     ISO-8601 instant training ended
 * @param test    metrics on the test set, or {@code null} when none was evaluated
 * @param checkpoints the checkpoints of θ kept in {@code checkpoints.npy}, or {@code null} when training kept none
 *                    (absent from the file then, as in every run written before checkpoints existed)
 */
public record RunInfo(String status, String message, long seed, TrainingOptions options, DataUsed data, String start,
                      String end, Metrics train, Metrics test, Versions versions,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Checkpoints checkpoints) {

    /** A run that kept no checkpoints. */
    public RunInfo(String status, String message, long seed, TrainingOptions options, DataUsed data, String start,
                   String end, Metrics train, Metrics test, Versions versions) {
        this(status, message, seed, options, data, start, end, train, test, versions, null);
    }

    /**
     * What {@code checkpoints.npy} holds: its row j is θ (float32) after optimiser step {@code steps[j]}, in
     * epoch {@code epochs[j]}, kept by the schedule {@code schedule} ({@code epoch} or every N steps).
     */
    public record Checkpoints(String schedule, List<Long> steps, List<Integer> epochs) {
        public Checkpoints {
            steps = List.copyOf(steps);
            epochs = List.copyOf(epochs);
            if (steps.size() != epochs.size()) {
                throw new IllegalArgumentException("checkpoints: " + steps.size() + " steps but " + epochs.size()
                        + " epochs");
            }
        }

        public int count() {
            return steps.size();
        }
    }

    public RunInfo withCheckpoints(Checkpoints c) {
        return new RunInfo(status, message, seed, options, data, start, end, train, test, versions, c);
    }

    /** Which data trained the run: the dataset's name, how many training records (the first N, in file order), where found. */
    public record DataUsed(String dataset, int trainSize, int testSize, String source) {
    }

    /** Mean cross-entropy and accuracy over {@code samples} samples. */
    public record Metrics(double loss, double accuracy, int samples) {
    }

    public record Versions(String hessianscope, String java) {
        public static Versions current() {
            return new Versions(Version.get(), System.getProperty("java.version"));
        }
    }
}
