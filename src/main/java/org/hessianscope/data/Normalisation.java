package org.hessianscope.data;

import java.util.Arrays;

/**
 * Per-channel {@code (x/255 − mean)/std} for uint8 pixels, as the paper's code
 * (torchvision's {@code ToTensor} then {@code Normalize(mean, std)}).
 */
public record Normalisation(double[] mean, double[] std) {

    /** Grey images: {@code (x/255 − 0.5)/0.5}, so 0 maps to −1 and 255 to 1. */
    public static final Normalisation GREY = new Normalisation(new double[] {0.5}, new double[] {0.5});

    /** CIFAR-10's per-channel (R, G, B) statistics used in the paper's code. */
    public static final Normalisation CIFAR10 = new Normalisation(
            new double[] {0.4915, 0.4823, 0.4468}, new double[] {0.2470, 0.2435, 0.2616});

    public Normalisation {
        if (mean.length != std.length || mean.length == 0) {
            throw new IllegalArgumentException("normalisation needs one mean and one std per channel, got "
                    + mean.length + " means and " + std.length + " stds");
        }
        for (double s : std) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("normalisation std " + s + " is not positive");
            }
        }
        mean = mean.clone();
        std = std.clone();
    }

    public int channels() {
        return mean.length;
    }

    public double mean(int channel) {
        return mean[channel];
    }

    public double std(int channel) {
        return std[channel];
    }

    /** The normalised value of pixel byte {@code value} (0..255) in {@code channel}. */
    public double apply(int channel, int value) {
        return (value / 255.0 - mean[channel]) / std[channel];
    }

    /** The 256 normalised values of one channel, so that reading a sample is a table look-up. */
    double[] table(int channel) {
        double[] t = new double[256];
        for (int v = 0; v < 256; v++) {
            t[v] = apply(channel, v);
        }
        return t;
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Normalisation n && Arrays.equals(mean, n.mean) && Arrays.equals(std, n.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "mean " + Arrays.toString(mean) + ", std " + Arrays.toString(std);
    }
}
