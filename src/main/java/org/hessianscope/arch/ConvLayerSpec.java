package org.hessianscope.arch;

/** A convolution with {@code channels} output channels and a {@code kernel}×{@code kernel} kernel; stride 1, no padding. */
public record ConvLayerSpec(int channels, int kernel) {
}
