package org.hessianscope.figure;

import org.jfree.data.xy.DefaultXYDataset;

import java.util.ArrayList;
import java.util.List;

/**
 * Scatter data that remembers which sample each point is, so a click on a point (an
 * XYItemEntity's series and item) leads back to the sample's image, label and prediction.
 */
public final class IndexedXYDataset extends DefaultXYDataset {
    private final List<int[]> sampleIndices = new ArrayList<>();

    /** Adds a series; x, y and sample index i belong to the same point. */
    public void addSeries(String key, double[] x, double[] y, int[] sampleIndex) {
        if (x.length != y.length || x.length != sampleIndex.length) {
            throw new IllegalArgumentException("series " + key + ": " + x.length + " x, " + y.length + " y and "
                    + sampleIndex.length + " sample indices; they must match");
        }
        addSeries(key, new double[][] {x.clone(), y.clone()});
        sampleIndices.add(sampleIndex.clone());
    }

    /** The sample index of item {@code item} of series {@code series}. */
    public int sampleIndex(int series, int item) {
        return sampleIndices.get(series)[item];
    }
}
