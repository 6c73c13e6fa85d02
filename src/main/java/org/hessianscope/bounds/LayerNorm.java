package org.hessianscope.bounds;

import org.hessianscope.arch.FeatureMap;

/**
 * The operator norms of one linear layer T^(p) of a trained network: its
 * {@code toeplitzNorm} ‖T^(p)‖₂ (for a fully connected layer, ‖W‖₂), its
 * {@code qNorm} ‖Q^(p)‖ = sup_{‖W‖_F=1} ‖T(W)‖₂ (see {@link ToeplitzDerivativeNorm}),
 * and its largest |weight|, biases excluded.
 */
public record LayerNorm(String layer, FeatureMap inputMap, FeatureMap outputMap, double maxAbsWeight,
                        NormEstimate toeplitzNorm, NormEstimate qNorm) {
}
