package org.hessianscope.train;

/**
 * θ after optimiser step {@code step} (1-based, counted over the whole training) of epoch {@code epoch},
 * rounded to float32 as it is stored.
 */
public record Checkpoint(long step, int epoch, float[] theta) {
    public static Checkpoint of(long step, int epoch, double[] theta) {
        float[] f = new float[theta.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) theta[i];
        }
        return new Checkpoint(step, epoch, f);
    }

    /** θ widened back to double (exactly the float32 values). */
    public double[] thetaAsDouble() {
        double[] d = new double[theta.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = theta[i];
        }
        return d;
    }
}
