package org.hessianscope.engine;

/**
 * What a piecewise-linear stage records in the forward pass for its other passes: a ReLU's 0/1
 * mask (as doubles, so applying it is a vectorisable multiply) or a max pool's chosen inputs.
 */
final class StageState {
    final double[] mask;
    final int[] route;

    StageState(int maskSize, int routeSize) {
        this.mask = new double[maskSize];
        this.route = new int[routeSize];
    }
}
