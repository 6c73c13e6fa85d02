package org.hessianscope.arch;

/** The shape of a feature map, stored channel-major: (channel, row, column). */
public record FeatureMap(int channels, int height, int width) {
    public FeatureMap {
        if (channels < 1 || height < 1 || width < 1) {
            throw new SpecException("feature map " + channels + "×" + height + "×" + width + " is empty");
        }
        SpecChecks.indexable("feature map " + channels + "×" + height + "×" + width, (long) channels * height * width,
                "use fewer channels or a smaller input");
    }

    /** A vector of {@code n} features, as seen by a fully connected layer. */
    public static FeatureMap vector(int n) {
        return new FeatureMap(n, 1, 1);
    }

    /** Never overflows: the constructor refuses maps that one Java array cannot hold. */
    public int size() {
        return channels * height * width;
    }

    @Override
    public String toString() {
        return channels + "×" + height + "×" + width;
    }
}
