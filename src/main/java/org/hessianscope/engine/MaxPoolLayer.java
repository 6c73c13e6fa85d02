package org.hessianscope.engine;

import org.hessianscope.arch.Stage;

import java.util.Arrays;

/**
 * Non-overlapping max pool. Each output remembers the input position it copied: the FIRST
 * maximum in row-major scan order of its window (a later equal value does not replace it).
 * Every other pass routes through that same position, so the pool is treated as the linear
 * selection it is almost everywhere.
 */
final class MaxPoolLayer extends PoolLayer {

    MaxPoolLayer(Stage.Pool stage) {
        super(stage);
    }

    @Override
    LayerF32 float32() {
        return new PoolLayerF32(this, true);
    }

    @Override
    int routeSize() {
        return outSize;
    }

    @Override
    void forward(double[] theta, double[] in, double[] out, StageState state, Scratch scratch) {
        int[] route = state.route;
        for (int o = 0; o < outSize; o++) {
            int corner = corners[o];
            int best = corner;
            double max = in[corner];
            for (int dy = 0; dy < size; dy++) {
                int row = corner + dy * inWidth;
                for (int dx = 0; dx < size; dx++) {
                    double x = in[row + dx];
                    if (x > max) {
                        max = x;
                        best = row + dx;
                    }
                }
            }
            route[o] = best;
            out[o] = max;
        }
    }

    @Override
    void forwardTangent(double[] theta, double[] v, double[] in, double[] tin, boolean tinZero, double[] tout,
                        StageState state, Scratch scratch) {
        for (int o = 0; o < outSize; o++) {
            tout[o] = tin[state.route[o]];
        }
    }

    @Override
    void backward(double[] theta, double[] in, double[] gOut, double[] gIn, double[] grad, StageState state, Scratch scratch) {
        if (gIn != null) {
            scatter(gOut, gIn, state.route);
        }
    }

    @Override
    void backwardTangent(double[] theta, double[] v, double[] in, double[] tin, boolean tinZero,
                         double[] gOut, double[] tgOut, double[] tgIn, double[] tgrad, StageState state, Scratch scratch) {
        if (tgIn != null) {
            scatter(tgOut, tgIn, state.route);
        }
    }

    private void scatter(double[] src, double[] dst, int[] route) {
        Arrays.fill(dst, 0, inSize, 0.0);
        for (int o = 0; o < outSize; o++) {
            dst[route[o]] = src[o];
        }
    }
}
