package org.hessianscope.arch;

/** The shape of one input image. */
public record InputShape(int channels, int height, int width) {
    public InputShape {
        SpecChecks.positive("input.channels", channels);
        SpecChecks.positive("input.height", height);
        SpecChecks.positive("input.width", width);
    }

    public FeatureMap map() {
        return new FeatureMap(channels, height, width);
    }

    public static final InputShape MNIST = new InputShape(1, 28, 28);
    public static final InputShape CIFAR10 = new InputShape(3, 32, 32);
}
