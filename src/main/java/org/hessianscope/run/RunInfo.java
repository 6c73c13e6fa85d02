package org.hessianscope.run;

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
 */
public record RunInfo(String status, String message, long seed, TrainingOptions options, DataUsed data, String start,
                      String end, Metrics train, Metrics test, Versions versions) {

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
