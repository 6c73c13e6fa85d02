package org.hessianscope.engine;

import org.hessianscope.arch.Stage;

import java.util.Arrays;

/** Non-overlapping average pool. Linear, so every pass applies the same average or its transpose. */
final class AvgPoolLayer extends PoolLayer {
    private final double area;

    AvgPoolLayer(Stage.Pool stage) {
        super(stage);
        this.area = size * size;
    }

    @Override
    LayerF32 float32() {
        return new PoolLayerF32(this, false);
    }

    @Override
    void forward(double[] theta, double[] in, double[] out, StageState state, Scratch scratch) {
        average(in, out);
    }

    @Override
    void forwardTangent(double[] theta, double[] v, double[] in, double[] tin, boolean tinZero, double[] tout,
                        StageState state, Scratch scratch) {
        average(tin, tout);
    }

    @Override
    void backward(double[] theta, double[] in, double[] gOut, double[] gIn, double[] grad, StageState state, Scratch scratch) {
        if (gIn != null) {
            spread(gOut, gIn);
        }
    }

    @Override
    void backwardTangent(double[] theta, double[] v, double[] in, double[] tin, boolean tinZero,
                         double[] gOut, double[] tgOut, double[] tgIn, double[] tgrad, StageState state, Scratch scratch) {
        if (tgIn != null) {
            spread(tgOut, tgIn);
        }
    }

    private void average(double[] src, double[] dst) {
        for (int o = 0; o < outSize; o++) {
            double sum = 0;
            for (int dy = 0; dy < size; dy++) {
                int row = corners[o] + dy * inWidth;
                for (int dx = 0; dx < size; dx++) {
                    sum += src[row + dx];
                }
            }
            dst[o] = sum / area;
        }
    }

    /** The transpose of {@link #average}: each window gets its output's cotangent divided by the area. */
    private void spread(double[] src, double[] dst) {
        Arrays.fill(dst, 0, inSize, 0.0);
        for (int o = 0; o < outSize; o++) {
            double share = src[o] / area;
            for (int dy = 0; dy < size; dy++) {
                int row = corners[o] + dy * inWidth;
                for (int dx = 0; dx < size; dx++) {
                    dst[row + dx] = share;
                }
            }
        }
    }
}
