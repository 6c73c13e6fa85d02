package org.hessianscope.experiment;

import org.hessianscope.analysis.AnalysisResult;

/**
 * A finished sweep point.
 *
 * @param trained  whether it was trained now; false when an equal run was found in the store
 * @param analysed whether it was analysed now; false when the stored analysis had the same settings
 */
public record PointResult(SweepPoint point, StoredRun run, boolean trained, boolean analysed, AnalysisResult analysis) {
}
