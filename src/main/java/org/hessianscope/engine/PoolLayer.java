package org.hessianscope.engine;

import org.hessianscope.arch.Stage;

/**
 * Geometry shared by the non-overlapping pools: window {@code size}×{@code size}, stride {@code size};
 * rows and columns that do not fill a window are dropped, as in PyTorch.
 */
abstract sealed class PoolLayer extends Layer permits MaxPoolLayer, AvgPoolLayer {
    final int inWidth;
    final int size;
    /** Input index of the top-left cell of each output's window, in output order (channel, row, column). */
    final int[] corners;

    PoolLayer(Stage.Pool stage) {
        super(stage.in().size(), stage.out().size());
        this.inWidth = stage.in().width();
        this.size = stage.size();
        this.corners = new int[outSize];
        int inPlane = stage.in().height() * inWidth;
        int o = 0;
        for (int c = 0; c < stage.out().channels(); c++) {
            for (int py = 0; py < stage.out().height(); py++) {
                for (int px = 0; px < stage.out().width(); px++) {
                    corners[o++] = c * inPlane + py * size * inWidth + px * size;
                }
            }
        }
    }

    /** Both pools read and write their own arrays through {@link #corners}: no scratch. */
    @Override
    void reserve(Scratch.Sizes sizes) {
    }
}
