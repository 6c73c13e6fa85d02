package org.hessianscope.engine;

/** Mean cross-entropy over a set of samples, its gradient with respect to θ, and the fraction classified correctly. */
public record LossGradient(double loss, double[] gradient, double accuracy) {
}
