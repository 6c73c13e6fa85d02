package org.hessianscope.engine;

/**
 * What one forward pass gives for each sample, in sample order.
 *
 * @param losses      ℓ_i = −log softmax(z_i)[y_i]
 * @param predictions the arg-max class of z_i
 */
public record PerSampleOutputs(double[] losses, int[] predictions) {
}
