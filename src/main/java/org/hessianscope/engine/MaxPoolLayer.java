package org.hessianscope.engine;

import org.hessianscope.arch.Stage;

import java.util.Arrays;

/**
 * Non-overlapping max pool (stride = size; rows and columns that do not fill a window are dropped).
 * Each output remembers the input position it copied: the FIRST maximum in row-major scan order
 * of its window (a later equal value does not replace it). Every other pass routes through that
 * same position, so the pool is treated as the linear selection it is almost everywhere.
 */
final class MaxPoolLayer extends Layer {
    private final int channels;
    private final int inHeight;
    private final int inWidth;
    private final int outHeight;
    private final int outWidth;
    private final int size;

    MaxPoolLayer(Stage.Pool stage) {
        super(stage.in().size(), stage.out().size());
        this.channels = stage.in().channels();
        this.inHeight = stage.in().height();
        this.inWidth = stage.in().width();
        this.outHeight = stage.out().height();
        this.outWidth = stage.out().width();
        this.size = stage.size();
    }

    @Override
    int routeSize() {
        return outSize;
    }

    @Override
    void forward(double[] theta, double[] in, double[] out, StageState state, Scratch scratch) {
        int o = 0;
        for (int c = 0; c < channels; c++) {
            int plane = c * inHeight * inWidth;
            for (int py = 0; py < outHeight; py++) {
                for (int px = 0; px < outWidth; px++) {
                    int corner = plane + py * size * inWidth + px * size;
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
                    state.route[o] = best;
                    out[o] = max;
                    o++;
                }
            }
        }
    }

    @Override
    void forwardTangent(double[] theta, double[] v, double[] in, double[] tin, boolean tinZero, double[] tout, StageState state, Scratch scratch) {
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
