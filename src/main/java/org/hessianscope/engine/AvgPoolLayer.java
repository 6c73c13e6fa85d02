package org.hessianscope.engine;

import org.hessianscope.arch.Stage;

import java.util.Arrays;

/** Non-overlapping average pool (stride = size; rows and columns that do not fill a window are dropped). Linear. */
final class AvgPoolLayer extends Layer {
    private final int channels;
    private final int inHeight;
    private final int inWidth;
    private final int outHeight;
    private final int outWidth;
    private final int size;
    private final double area;

    AvgPoolLayer(Stage.Pool stage) {
        super(stage.in().size(), stage.out().size());
        this.channels = stage.in().channels();
        this.inHeight = stage.in().height();
        this.inWidth = stage.in().width();
        this.outHeight = stage.out().height();
        this.outWidth = stage.out().width();
        this.size = stage.size();
        this.area = size * size;
    }

    @Override
    void forward(double[] theta, double[] in, double[] out, StageState state, Scratch scratch) {
        average(in, out);
    }

    @Override
    void forwardTangent(double[] theta, double[] v, double[] in, double[] tin, boolean tinZero, double[] tout, StageState state, Scratch scratch) {
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
        int o = 0;
        for (int c = 0; c < channels; c++) {
            int plane = c * inHeight * inWidth;
            for (int py = 0; py < outHeight; py++) {
                for (int px = 0; px < outWidth; px++) {
                    int corner = plane + py * size * inWidth + px * size;
                    double sum = 0;
                    for (int dy = 0; dy < size; dy++) {
                        int row = corner + dy * inWidth;
                        for (int dx = 0; dx < size; dx++) {
                            sum += src[row + dx];
                        }
                    }
                    dst[o++] = sum / area;
                }
            }
        }
    }

    /** The transpose of {@link #average}: each window gets its output's cotangent divided by the area. */
    private void spread(double[] src, double[] dst) {
        Arrays.fill(dst, 0, inSize, 0.0);
        int o = 0;
        for (int c = 0; c < channels; c++) {
            int plane = c * inHeight * inWidth;
            for (int py = 0; py < outHeight; py++) {
                for (int px = 0; px < outWidth; px++) {
                    int corner = plane + py * size * inWidth + px * size;
                    double share = src[o++] / area;
                    for (int dy = 0; dy < size; dy++) {
                        int row = corner + dy * inWidth;
                        for (int dx = 0; dx < size; dx++) {
                            dst[row + dx] = share;
                        }
                    }
                }
            }
        }
    }
}
