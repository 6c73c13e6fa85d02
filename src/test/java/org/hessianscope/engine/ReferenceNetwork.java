package org.hessianscope.engine;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.FeatureMap;
import org.hessianscope.arch.ParameterLayout;
import org.hessianscope.arch.PoolType;
import org.hessianscope.arch.Stage;

/**
 * A deliberately naive second implementation of the forward pass and loss, used as an
 * independent oracle. It shares nothing with the engine but the spec's stage list and the
 * parameter layout (both part of the contract): maps are [c][y][x] arrays of
 * {@link HyperDual}s indexed exactly as the formulas read, every stage is written from its
 * definition (valid cross-correlation, ReLU, first-maximum max pool, average pool, dense on the
 * (c, y, x)-flattened map), and derivatives come from forward-mode hyper-dual arithmetic rather
 * than the engine's reverse-mode and R-operator passes.
 */
public final class ReferenceNetwork {
    private final ArchitectureSpec spec;
    private final ParameterLayout layout;

    public ReferenceNetwork(ArchitectureSpec spec) {
        this.spec = spec;
        this.layout = spec.parameterLayout();
    }

    /** Logits of x at θ (plain values). */
    double[] logits(double[] theta, double[] x) {
        HyperDual[] z = forward(seed(theta, -1, -1), x);
        double[] out = new double[z.length];
        for (int k = 0; k < z.length; k++) {
            out[k] = z[k].a();
        }
        return out;
    }

    /** The exact Hessian of the mean loss over the given inputs, entry by entry from hyper-dual passes. */
    double[][] hessian(double[] theta, double[][] inputs, int[] labels) {
        int p = theta.length;
        double[][] h = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = i; j < p; j++) {
                HyperDual[] t = seed(theta, i, j);
                double sum = 0;
                for (int n = 0; n < inputs.length; n++) {
                    sum += loss(forward(t, inputs[n]), labels[n]).d();
                }
                h[i][j] = sum / inputs.length;
                h[j][i] = h[i][j];
            }
        }
        return h;
    }

    /**
     * The mean loss over the inputs at θ, its derivatives along u and v and the mixed second derivative uᵀHv, in
     * one hyper-dual pass per input (θ seeded with ε₁ u + ε₂ v): {L, ∇Lᵀu, ∇Lᵀv, uᵀ H v}. Surface tests use it as
     * the explicit projected gradient and VᵀHV.
     */
    public double[] directional(double[] theta, double[] u, double[] v, double[][] inputs, int[] labels) {
        HyperDual[] t = new HyperDual[theta.length];
        for (int q = 0; q < theta.length; q++) {
            t[q] = new HyperDual(theta[q], u[q], v[q], 0);
        }
        double[] sum = new double[4];
        for (int n = 0; n < inputs.length; n++) {
            HyperDual l = loss(forward(t, inputs[n]), labels[n]);
            sum[0] += l.a();
            sum[1] += l.b();
            sum[2] += l.c();
            sum[3] += l.d();
        }
        for (int i = 0; i < 4; i++) {
            sum[i] /= inputs.length;
        }
        return sum;
    }

    private static HyperDual[] seed(double[] theta, int i, int j) {
        HyperDual[] t = new HyperDual[theta.length];
        for (int q = 0; q < theta.length; q++) {
            t[q] = new HyperDual(theta[q], q == i ? 1 : 0, q == j ? 1 : 0, 0);
        }
        return t;
    }

    /** ℓ = log Σ_k exp(z_k − m) + m − z_label with m the largest logit value (a constant shift). */
    static HyperDual loss(HyperDual[] z, int label) {
        double m = Double.NEGATIVE_INFINITY;
        for (HyperDual v : z) {
            m = Math.max(m, v.a());
        }
        HyperDual sum = HyperDual.ZERO;
        for (HyperDual v : z) {
            sum = sum.plus(v.minus(HyperDual.constant(m)).exp());
        }
        return sum.log().plus(HyperDual.constant(m)).minus(z[label]);
    }

    HyperDual[] forward(HyperDual[] theta, double[] x) {
        HyperDual[] in = new HyperDual[x.length];
        for (int i = 0; i < x.length; i++) {
            in[i] = HyperDual.constant(x[i]);
        }
        HyperDual[][][] map = map(spec.input().map(), in);
        for (Stage s : spec.stages()) {
            map = stage(s, theta, map);
        }
        return flatten(map);
    }

    /** One stage of the forward pass on a [c][y][x] map (a vector is [n][1][1]), θ indexed as the layout. */
    HyperDual[][][] stage(Stage stage, HyperDual[] theta, HyperDual[][][] in) {
        return stage.accept(new Stage.Visitor<HyperDual[][][]>() {
            @Override
            public HyperDual[][][] conv(Stage.Conv conv) {
                return ReferenceNetwork.this.conv(conv, theta, in);
            }

            @Override
            public HyperDual[][][] relu(Stage.Relu relu) {
                return ReferenceNetwork.relu(in);
            }

            @Override
            public HyperDual[][][] pool(Stage.Pool pool) {
                return ReferenceNetwork.pool(pool, in);
            }

            @Override
            public HyperDual[][][] dense(Stage.Dense dense) {
                return ReferenceNetwork.this.dense(dense, theta, in);
            }
        });
    }

    /** A flat (channel, row, column) vector as a [c][y][x] map of the given shape. */
    static HyperDual[][][] map(FeatureMap shape, HyperDual[] flat) {
        HyperDual[][][] map = new HyperDual[shape.channels()][shape.height()][shape.width()];
        for (int c = 0; c < shape.channels(); c++) {
            for (int y = 0; y < shape.height(); y++) {
                for (int x = 0; x < shape.width(); x++) {
                    map[c][y][x] = flat[(c * shape.height() + y) * shape.width() + x];
                }
            }
        }
        return map;
    }

    /** A [c][y][x] map in (channel, row, column) order. */
    static HyperDual[] flatten(HyperDual[][][] map) {
        HyperDual[] flat = new HyperDual[map.length * map[0].length * map[0][0].length];
        int q = 0;
        for (HyperDual[][] plane : map) {
            for (HyperDual[] row : plane) {
                for (HyperDual v : row) {
                    flat[q++] = v;
                }
            }
        }
        return flat;
    }

    private HyperDual[][][] conv(Stage.Conv conv, HyperDual[] theta, HyperDual[][][] in) {
        int w0 = layout.tensor(conv.name() + ".weight").orElseThrow().offset();
        int b0 = layout.tensor(conv.name() + ".bias").orElseThrow().offset();
        FeatureMap o = conv.out();
        int cin = conv.in().channels();
        int k = conv.kernel();
        HyperDual[][][] out = new HyperDual[o.channels()][o.height()][o.width()];
        for (int co = 0; co < o.channels(); co++) {
            for (int y = 0; y < o.height(); y++) {
                for (int x = 0; x < o.width(); x++) {
                    HyperDual s = theta[b0 + co];
                    for (int ci = 0; ci < cin; ci++) {
                        for (int ky = 0; ky < k; ky++) {
                            for (int kx = 0; kx < k; kx++) {
                                HyperDual w = theta[w0 + ((co * cin + ci) * k + ky) * k + kx];
                                s = s.plus(w.times(in[ci][y + ky][x + kx]));
                            }
                        }
                    }
                    out[co][y][x] = s;
                }
            }
        }
        return out;
    }

    private static HyperDual[][][] relu(HyperDual[][][] in) {
        HyperDual[][][] out = new HyperDual[in.length][in[0].length][in[0][0].length];
        for (int c = 0; c < in.length; c++) {
            for (int y = 0; y < in[0].length; y++) {
                for (int x = 0; x < in[0][0].length; x++) {
                    out[c][y][x] = in[c][y][x].a() > 0 ? in[c][y][x] : HyperDual.ZERO;
                }
            }
        }
        return out;
    }

    private static HyperDual[][][] pool(Stage.Pool pool, HyperDual[][][] in) {
        int s = pool.size();
        FeatureMap o = pool.out();
        HyperDual[][][] out = new HyperDual[o.channels()][o.height()][o.width()];
        for (int c = 0; c < o.channels(); c++) {
            for (int y = 0; y < o.height(); y++) {
                for (int x = 0; x < o.width(); x++) {
                    HyperDual best = null;
                    HyperDual sum = HyperDual.ZERO;
                    for (int dy = 0; dy < s; dy++) {
                        for (int dx = 0; dx < s; dx++) {
                            HyperDual v = in[c][y * s + dy][x * s + dx];
                            if (best == null || v.a() > best.a()) {
                                best = v;
                            }
                            sum = sum.plus(v);
                        }
                    }
                    out[c][y][x] = pool.type() == PoolType.MAX ? best : sum.scale(1.0 / (s * s));
                }
            }
        }
        return out;
    }

    private HyperDual[][][] dense(Stage.Dense dense, HyperDual[] theta, HyperDual[][][] in) {
        int w0 = layout.tensor(dense.name() + ".weight").orElseThrow().offset();
        int b0 = layout.tensor(dense.name() + ".bias").orElseThrow().offset();
        int inputs = dense.inFeatures();
        HyperDual[] flat = flatten(in);
        HyperDual[][][] out = new HyperDual[dense.outFeatures()][1][1];
        for (int r = 0; r < dense.outFeatures(); r++) {
            HyperDual s = theta[b0 + r];
            for (int i = 0; i < inputs; i++) {
                s = s.plus(theta[w0 + r * inputs + i].times(flat[i]));
            }
            out[r][0][0] = s;
        }
        return out;
    }
}
