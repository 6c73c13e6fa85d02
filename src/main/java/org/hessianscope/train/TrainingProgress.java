package org.hessianscope.train;

/**
 * One logged training step (one mini-batch), as shown live and written to {@code history.csv}.
 *
 * @param epoch            1-based epoch
 * @param batch            1-based batch within the epoch
 * @param step             1-based Adam step over the whole run
 * @param batchLoss        mean loss of this batch, before its update
 * @param batchAccuracy    fraction of this batch classified correctly, before its update
 * @param runningLoss      mean loss over the epoch's batches so far (weighted by batch size)
 * @param runningAccuracy  accuracy over the epoch's batches so far
 * @param samplesPerSecond training throughput since the start of the run
 * @param secondsLeft      estimated time to the end of the run at that throughput
 */
public record TrainingProgress(int epoch, int epochs, int batch, int batches, long step, double batchLoss,
                               double batchAccuracy, double runningLoss, double runningAccuracy,
                               double samplesPerSecond, double secondsLeft) {
}
