package org.hessianscope.engine;

/** Mean cross-entropy over a set of samples and the fraction classified correctly (argmax, first on ties). */
public record LossAccuracy(double loss, double accuracy) {
}
