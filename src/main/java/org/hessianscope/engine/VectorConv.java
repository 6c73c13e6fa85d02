package org.hessianscope.engine;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ConvLayer}'s float64 kernels (and {@link DenseLayer}'s forward product) with jdk.incubator.vector, register-blocked so that the accumulators stay in
 * AVX2 registers over a whole loop instead of being loaded and stored for every multiply-add. Each output value
 * sees exactly the operations of the plain loops in ConvLayer, in the same order (a lanewise mul then add is the
 * scalar {@code s += x * y}, never a fused multiply-add), hence the same bits; only the lanes change, which are
 * independent values. Loaded only when the module is present ({@link ConvLayer#VECTOR}).
 */
final class VectorConv {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;
    /** Lanes of a vector: output channels are handled in groups of this many, the last group padded with zeros. */
    static final int W = 4;

    private VectorConv() {
    }

    /** out[t·cp + co] = g[co·plane + t], zeros in the padding lanes co ≥ channels. */
    static void transpose(double[] g, int channels, int plane, double[] out) {
        int cp = ConvLayer.paddedChannels(channels);
        for (int t = 0; t < plane; t++) {
            int at = t * cp;
            for (int co = 0; co < channels; co++) {
                out[at + co] = g[co * plane + t];
            }
            for (int co = channels; co < cp; co++) {
                out[at + co] = 0.0;
            }
        }
    }

    /**
     * The weight gradient of one sample, lanes over output channels: sums[q·cp + co] = Σ_t ga[t, co]·a[corner(t) + taps[q]]
     * (+ gb[t, co]·b[…] when gb is not null, added as {@code x·a + y·b}), each sum from 0.0 over the positions t in
     * row-major order, and biases[co] = Σ_t ga[t, co] likewise: the values and order of ConvLayer's plain loop.
     * {@code ga} and {@code gb} are in {@link #transpose}'s layout.
     *
     * <p>With {@code skipZeros}, positions where the group's cotangents (ga and gb) are all exact zeros are left out
     * of its sums ({@code live} holds the others, in order): their terms are ±0, and a sum that starts at +0.0 is
     * never −0.0, so adding ±0 to it changes no bit. ReLU masks and max-pool routes make such positions common.
     */
    static void weightGradient(double[] ga, double[] a, double[] gb, double[] b, int[] taps, int rowLength,
                               int outChannels, int[] corners, double[] sums, double[] biases, boolean skipZeros,
                               int[] live) {
        int cp = ConvLayer.paddedChannels(outChannels);
        for (int c0 = 0; c0 < cp; c0 += W) {
            int positions = livePositions(ga, gb, corners.length, cp, c0, skipZeros, live);
            DoubleVector bias = DoubleVector.zero(S);
            for (int i = 0; i < positions; i++) {
                bias = bias.add(DoubleVector.fromArray(S, ga, live[i] * cp + c0));
            }
            bias.intoArray(biases, c0);
            int q = 0;
            for (; q + 8 <= rowLength; q += 8) {
                if (gb == null) {
                    eight(ga, a, taps, q, c0, cp, positions, live, corners, sums);
                } else {
                    eightPair(ga, a, gb, b, taps, q, c0, cp, positions, live, corners, sums);
                }
            }
            for (; q < rowLength; q++) {
                one(ga, a, gb, b, taps[q], q, c0, cp, positions, live, corners, sums);
            }
        }
    }

    /**
     * Writes into {@code live} the positions t (ascending) whose cotangents ga[t·cp + c0 …] (or gb's) of the group
     * starting at channel c0 are not all zero, or every position without {@code skipZeros}; returns their count.
     */
    private static int livePositions(double[] ga, double[] gb, int positions, int cp, int c0, boolean skipZeros,
                                     int[] live) {
        if (!skipZeros) {
            for (int t = 0; t < positions; t++) {
                live[t] = t;
            }
            return positions;
        }
        // Branch-free compaction: every position is written, and the count moves on only past live ones (ReLU
        // patterns would mispredict a branch).
        int count = 0;
        for (int t = 0; t < positions; t++) {
            live[count] = t;
            count += nonzero(ga, t * cp + c0) | (gb != null && nonzero(gb, t * cp + c0)) ? 1 : 0;
        }
        return count;
    }

    private static boolean nonzero(double[] x, int from) {
        return x[from] != 0 | x[from + 1] != 0 | x[from + 2] != 0 | x[from + 3] != 0;
    }

    private static void eight(double[] ga, double[] a, int[] taps, int q, int c0, int cp, int positions, int[] live,
                              int[] corners, double[] sums) {
        int d0 = taps[q + 0];
        int d1 = taps[q + 1];
        int d2 = taps[q + 2];
        int d3 = taps[q + 3];
        int d4 = taps[q + 4];
        int d5 = taps[q + 5];
        int d6 = taps[q + 6];
        int d7 = taps[q + 7];
        DoubleVector s0 = DoubleVector.zero(S);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        DoubleVector s4 = s0;
        DoubleVector s5 = s0;
        DoubleVector s6 = s0;
        DoubleVector s7 = s0;
        for (int i = 0; i < positions; i++) {
            int t = live[i];
            int corner = corners[t];
            int at = t * cp + c0;
            DoubleVector x = DoubleVector.fromArray(S, ga, at);
            s0 = s0.add(x.mul(DoubleVector.broadcast(S, a[corner + d0])));
            s1 = s1.add(x.mul(DoubleVector.broadcast(S, a[corner + d1])));
            s2 = s2.add(x.mul(DoubleVector.broadcast(S, a[corner + d2])));
            s3 = s3.add(x.mul(DoubleVector.broadcast(S, a[corner + d3])));
            s4 = s4.add(x.mul(DoubleVector.broadcast(S, a[corner + d4])));
            s5 = s5.add(x.mul(DoubleVector.broadcast(S, a[corner + d5])));
            s6 = s6.add(x.mul(DoubleVector.broadcast(S, a[corner + d6])));
            s7 = s7.add(x.mul(DoubleVector.broadcast(S, a[corner + d7])));
        }
        s0.intoArray(sums, (q + 0) * cp + c0);
        s1.intoArray(sums, (q + 1) * cp + c0);
        s2.intoArray(sums, (q + 2) * cp + c0);
        s3.intoArray(sums, (q + 3) * cp + c0);
        s4.intoArray(sums, (q + 4) * cp + c0);
        s5.intoArray(sums, (q + 5) * cp + c0);
        s6.intoArray(sums, (q + 6) * cp + c0);
        s7.intoArray(sums, (q + 7) * cp + c0);
    }

    private static void eightPair(double[] ga, double[] a, double[] gb, double[] b, int[] taps, int q, int c0, int cp,
                                  int positions, int[] live, int[] corners, double[] sums) {
        int d0 = taps[q + 0];
        int d1 = taps[q + 1];
        int d2 = taps[q + 2];
        int d3 = taps[q + 3];
        int d4 = taps[q + 4];
        int d5 = taps[q + 5];
        int d6 = taps[q + 6];
        int d7 = taps[q + 7];
        DoubleVector s0 = DoubleVector.zero(S);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        DoubleVector s4 = s0;
        DoubleVector s5 = s0;
        DoubleVector s6 = s0;
        DoubleVector s7 = s0;
        for (int i = 0; i < positions; i++) {
            int t = live[i];
            int corner = corners[t];
            int at = t * cp + c0;
            DoubleVector x = DoubleVector.fromArray(S, ga, at);
            DoubleVector y = DoubleVector.fromArray(S, gb, at);
            s0 = s0.add(x.mul(DoubleVector.broadcast(S, a[corner + d0]))
                    .add(y.mul(DoubleVector.broadcast(S, b[corner + d0]))));
            s1 = s1.add(x.mul(DoubleVector.broadcast(S, a[corner + d1]))
                    .add(y.mul(DoubleVector.broadcast(S, b[corner + d1]))));
            s2 = s2.add(x.mul(DoubleVector.broadcast(S, a[corner + d2]))
                    .add(y.mul(DoubleVector.broadcast(S, b[corner + d2]))));
            s3 = s3.add(x.mul(DoubleVector.broadcast(S, a[corner + d3]))
                    .add(y.mul(DoubleVector.broadcast(S, b[corner + d3]))));
            s4 = s4.add(x.mul(DoubleVector.broadcast(S, a[corner + d4]))
                    .add(y.mul(DoubleVector.broadcast(S, b[corner + d4]))));
            s5 = s5.add(x.mul(DoubleVector.broadcast(S, a[corner + d5]))
                    .add(y.mul(DoubleVector.broadcast(S, b[corner + d5]))));
            s6 = s6.add(x.mul(DoubleVector.broadcast(S, a[corner + d6]))
                    .add(y.mul(DoubleVector.broadcast(S, b[corner + d6]))));
            s7 = s7.add(x.mul(DoubleVector.broadcast(S, a[corner + d7]))
                    .add(y.mul(DoubleVector.broadcast(S, b[corner + d7]))));
        }
        s0.intoArray(sums, (q + 0) * cp + c0);
        s1.intoArray(sums, (q + 1) * cp + c0);
        s2.intoArray(sums, (q + 2) * cp + c0);
        s3.intoArray(sums, (q + 3) * cp + c0);
        s4.intoArray(sums, (q + 4) * cp + c0);
        s5.intoArray(sums, (q + 5) * cp + c0);
        s6.intoArray(sums, (q + 6) * cp + c0);
        s7.intoArray(sums, (q + 7) * cp + c0);
    }

    private static void one(double[] ga, double[] a, double[] gb, double[] b, int d, int q, int c0, int cp,
                            int positions, int[] live, int[] corners, double[] sums) {
        DoubleVector s = DoubleVector.zero(S);
        if (gb == null) {
            for (int i = 0; i < positions; i++) {
                int t = live[i];
                int corner = corners[t] + d;
                DoubleVector x = DoubleVector.fromArray(S, ga, t * cp + c0);
                s = s.add(x.mul(DoubleVector.broadcast(S, a[corner])));
            }
        } else {
            for (int i = 0; i < positions; i++) {
                int t = live[i];
                int corner = corners[t] + d;
                int at = t * cp + c0;
                DoubleVector x = DoubleVector.fromArray(S, ga, at);
                s = s.add(x.mul(DoubleVector.broadcast(S, a[corner])).add(DoubleVector.fromArray(S, gb, at)
                        .mul(DoubleVector.broadcast(S, b[corner]))));
            }
        }
        s.intoArray(sums, q * cp + c0);
    }

    /**
     * ConvLayer's forward correlation into its wide planes, lanes over positions: planes[co][t] = bias_co, then
     * + A[co, q]·a[taps[q] + t] (+ B[co, q]·b[taps[q] + t], added as {@code x·a + y·b}) for the taps q in order,
     * as the plain loop adds them; four channels by eight positions stay in registers over all the taps.
     *
     * <p>{@code live} lists the taps each block of eight positions runs: with {@code counts} null, every block runs
     * live[0 … rowLength), which must then be 0, 1, …; otherwise block t / 8 runs the counts[t / 8] taps from
     * live[(t / 8)·rowLength], those {@link #liveTaps} kept.
     */
    static void correlate(double[] wa, double[] a, double[] wb, double[] b, int weightOffset, int biasOffset,
                          int rowLength, int[] taps, int outChannels, int n, double[][] planes, int[] live,
                          int[] counts) {
        int n8 = n - n % (2 * W);
        int co = 0;
        for (; co + 4 <= outChannels; co += 4) {
            for (int t = 0; t < n8; t += 2 * W) {
                int from = counts == null ? 0 : t / (2 * W) * rowLength;
                int to = from + (counts == null ? rowLength : counts[t / (2 * W)]);
                correlate4x8(wa, a, wb, b, weightOffset, biasOffset, rowLength, taps, live, from, to, co, t, planes);
            }
        }
        // A remainder of two or three channels shares each input load between two (6 channels, the paper's C,
        // spent as much time in two one-channel passes as in the four-channel one).
        for (; co + 2 <= outChannels; co += 2) {
            for (int t = 0; t < n8; t += 2 * W) {
                correlate2x8(wa, a, wb, b, weightOffset, biasOffset, rowLength, taps, co, t, planes[co], planes[co + 1]);
            }
        }
        for (; co < outChannels; co++) {
            for (int t = 0; t < n8; t += 2 * W) {
                int from = counts == null ? 0 : t / (2 * W) * rowLength;
                int to = from + (counts == null ? rowLength : counts[t / (2 * W)]);
                correlate1x8(wa, a, wb, b, weightOffset, biasOffset, rowLength, taps, live, from, to, co, t, planes[co]);
            }
        }
        for (int c = 0; c < outChannels; c++) {
            double[] plane = planes[c];
            int row = weightOffset + c * rowLength;
            for (int t = n8; t < n; t++) {
                double s = wa[biasOffset + c];
                for (int q = 0; q < rowLength; q++) {
                    if (wb == null) {
                        s += wa[row + q] * a[taps[q] + t];
                    } else {
                        s += wa[row + q] * a[taps[q] + t] + wb[row + q] * b[taps[q] + t];
                    }
                }
                plane[t] = s;
            }
        }
    }

    /**
     * For the blocks of eight positions t of {@link #correlate} below {@code n}: counts[t / 8] and, from
     * live[(t / 8)·rowLength], the taps q (ascending) whose inputs a[taps[q] + t …+8) or b's are not all exact zeros,
     * judged per kernel row: the {@code row} consecutive taps from q = 0, row, 2·row, … are kept or left out together.
     * A left-out tap's terms are ±0 (finite weights), so the sums it skips end with the same value, up to the sign of
     * a zero. {@code prefix} (length ≥ extent + 1) gets the running count of nonzero inputs; every index read is below
     * {@code extent}.
     */
    static void liveTaps(double[] a, double[] b, int extent, int[] taps, int rowLength, int row, int n, int[] prefix,
                         int[] live, int[] counts) {
        int running = 0;
        prefix[0] = 0;
        if (b == null) {
            for (int j = 0; j < extent; j++) {
                running += a[j] != 0 ? 1 : 0;
                prefix[j + 1] = running;
            }
        } else {
            for (int j = 0; j < extent; j++) {
                running += a[j] != 0 | b[j] != 0 ? 1 : 0;
                prefix[j + 1] = running;
            }
        }
        int n8 = n - n % (2 * W);
        for (int t = 0; t < n8; t += 2 * W) {
            int block = t / (2 * W);
            int at = block * rowLength;
            int count = 0;
            // One check per kernel row (its `row` taps read one run of 8 + row − 1 inputs, forwards or backwards),
            // and branch-free compaction, as in livePositions.
            for (int q = 0; q < rowLength; q += row) {
                int first = taps[q] + t;
                int last = taps[q + row - 1] + t;
                int from = Math.min(first, last);
                int to = Math.max(first, last) + 2 * W;
                boolean nonzero = prefix[to] != prefix[from];
                for (int kx = 0; kx < row; kx++) {
                    live[at + count + kx] = q + kx;
                }
                count += nonzero ? row : 0;
            }
            counts[block] = count;
        }
    }

    private static void correlate4x8(double[] wa, double[] a, double[] wb, double[] b, int weightOffset, int biasOffset,
                                     int rowLength, int[] taps, int[] live, int from, int to, int co, int t,
                                     double[][] planes) {
        DoubleVector p0 = DoubleVector.broadcast(S, wa[biasOffset + co]);
        DoubleVector p1 = DoubleVector.broadcast(S, wa[biasOffset + co + 1]);
        DoubleVector p2 = DoubleVector.broadcast(S, wa[biasOffset + co + 2]);
        DoubleVector p3 = DoubleVector.broadcast(S, wa[biasOffset + co + 3]);
        DoubleVector q0 = p0;
        DoubleVector q1 = p1;
        DoubleVector q2 = p2;
        DoubleVector q3 = p3;
        int r0 = weightOffset + co * rowLength;
        int r1 = r0 + rowLength;
        int r2 = r1 + rowLength;
        int r3 = r2 + rowLength;
        for (int i = from; i < to; i++) {
            int q = live[i];
            int at = taps[q] + t;
            DoubleVector x = DoubleVector.fromArray(S, a, at);
            DoubleVector xx = DoubleVector.fromArray(S, a, at + W);
            if (wb == null) {
                double w0 = wa[r0 + q];
                double w1 = wa[r1 + q];
                double w2 = wa[r2 + q];
                double w3 = wa[r3 + q];
                p0 = p0.add(x.mul(DoubleVector.broadcast(S, w0)));
                q0 = q0.add(xx.mul(DoubleVector.broadcast(S, w0)));
                p1 = p1.add(x.mul(DoubleVector.broadcast(S, w1)));
                q1 = q1.add(xx.mul(DoubleVector.broadcast(S, w1)));
                p2 = p2.add(x.mul(DoubleVector.broadcast(S, w2)));
                q2 = q2.add(xx.mul(DoubleVector.broadcast(S, w2)));
                p3 = p3.add(x.mul(DoubleVector.broadcast(S, w3)));
                q3 = q3.add(xx.mul(DoubleVector.broadcast(S, w3)));
            } else {
                DoubleVector y = DoubleVector.fromArray(S, b, at);
                DoubleVector yy = DoubleVector.fromArray(S, b, at + W);
                double w0 = wa[r0 + q];
                double w1 = wa[r1 + q];
                double w2 = wa[r2 + q];
                double w3 = wa[r3 + q];
                double v0 = wb[r0 + q];
                double v1 = wb[r1 + q];
                double v2 = wb[r2 + q];
                double v3 = wb[r3 + q];
                p0 = p0.add(x.mul(DoubleVector.broadcast(S, w0)).add(y.mul(DoubleVector.broadcast(S, v0))));
                q0 = q0.add(xx.mul(DoubleVector.broadcast(S, w0)).add(yy.mul(DoubleVector.broadcast(S, v0))));
                p1 = p1.add(x.mul(DoubleVector.broadcast(S, w1)).add(y.mul(DoubleVector.broadcast(S, v1))));
                q1 = q1.add(xx.mul(DoubleVector.broadcast(S, w1)).add(yy.mul(DoubleVector.broadcast(S, v1))));
                p2 = p2.add(x.mul(DoubleVector.broadcast(S, w2)).add(y.mul(DoubleVector.broadcast(S, v2))));
                q2 = q2.add(xx.mul(DoubleVector.broadcast(S, w2)).add(yy.mul(DoubleVector.broadcast(S, v2))));
                p3 = p3.add(x.mul(DoubleVector.broadcast(S, w3)).add(y.mul(DoubleVector.broadcast(S, v3))));
                q3 = q3.add(xx.mul(DoubleVector.broadcast(S, w3)).add(yy.mul(DoubleVector.broadcast(S, v3))));
            }
        }
        p0.intoArray(planes[co], t);
        q0.intoArray(planes[co], t + W);
        p1.intoArray(planes[co + 1], t);
        q1.intoArray(planes[co + 1], t + W);
        p2.intoArray(planes[co + 2], t);
        q2.intoArray(planes[co + 2], t + W);
        p3.intoArray(planes[co + 3], t);
        q3.intoArray(planes[co + 3], t + W);
    }

    private static void correlate2x8(double[] wa, double[] a, double[] wb, double[] b, int weightOffset, int biasOffset,
                                     int rowLength, int[] taps, int co, int t, double[] plane0, double[] plane1) {
        DoubleVector p0 = DoubleVector.broadcast(S, wa[biasOffset + co]);
        DoubleVector p1 = DoubleVector.broadcast(S, wa[biasOffset + co + 1]);
        DoubleVector q0 = p0;
        DoubleVector q1 = p1;
        int r0 = weightOffset + co * rowLength;
        int r1 = r0 + rowLength;
        for (int q = 0; q < rowLength; q++) {
            int at = taps[q] + t;
            DoubleVector x = DoubleVector.fromArray(S, a, at);
            DoubleVector xx = DoubleVector.fromArray(S, a, at + W);
            double w0 = wa[r0 + q];
            double w1 = wa[r1 + q];
            if (wb == null) {
                p0 = p0.add(x.mul(DoubleVector.broadcast(S, w0)));
                q0 = q0.add(xx.mul(DoubleVector.broadcast(S, w0)));
                p1 = p1.add(x.mul(DoubleVector.broadcast(S, w1)));
                q1 = q1.add(xx.mul(DoubleVector.broadcast(S, w1)));
            } else {
                DoubleVector y = DoubleVector.fromArray(S, b, at);
                DoubleVector yy = DoubleVector.fromArray(S, b, at + W);
                double v0 = wb[r0 + q];
                double v1 = wb[r1 + q];
                p0 = p0.add(x.mul(DoubleVector.broadcast(S, w0)).add(y.mul(DoubleVector.broadcast(S, v0))));
                q0 = q0.add(xx.mul(DoubleVector.broadcast(S, w0)).add(yy.mul(DoubleVector.broadcast(S, v0))));
                p1 = p1.add(x.mul(DoubleVector.broadcast(S, w1)).add(y.mul(DoubleVector.broadcast(S, v1))));
                q1 = q1.add(xx.mul(DoubleVector.broadcast(S, w1)).add(yy.mul(DoubleVector.broadcast(S, v1))));
            }
        }
        p0.intoArray(plane0, t);
        q0.intoArray(plane0, t + W);
        p1.intoArray(plane1, t);
        q1.intoArray(plane1, t + W);
    }

    /**
     * Dense rows out[o] = bias_o + Σ_j W[o, j]·in[j] with {@link org.hessianscope.linalg.Vectors#unrolledDot}'s four
     * partial sums as the four lanes (lane l sums j ≡ l mod 4 in order, the tail into lane 0, then
     * (s0 + s1) + (s2 + s3)), hence its bits; four rows at a time share each load of {@code in}.
     */
    static void dense(double[] theta, int weightOffset, int biasOffset, double[] in, int inSize, double[] out,
                      int outSize) {
        int n4 = inSize - inSize % W;
        int o = 0;
        for (; o + 4 <= outSize; o += 4) {
            int r0 = weightOffset + o * inSize;
            int r1 = r0 + inSize;
            int r2 = r1 + inSize;
            int r3 = r2 + inSize;
            DoubleVector s0 = DoubleVector.zero(S);
            DoubleVector s1 = s0;
            DoubleVector s2 = s0;
            DoubleVector s3 = s0;
            for (int j = 0; j < n4; j += W) {
                DoubleVector x = DoubleVector.fromArray(S, in, j);
                s0 = s0.add(DoubleVector.fromArray(S, theta, r0 + j).mul(x));
                s1 = s1.add(DoubleVector.fromArray(S, theta, r1 + j).mul(x));
                s2 = s2.add(DoubleVector.fromArray(S, theta, r2 + j).mul(x));
                s3 = s3.add(DoubleVector.fromArray(S, theta, r3 + j).mul(x));
            }
            out[o] = theta[biasOffset + o] + finish(s0, theta, r0, in, n4, inSize);
            out[o + 1] = theta[biasOffset + o + 1] + finish(s1, theta, r1, in, n4, inSize);
            out[o + 2] = theta[biasOffset + o + 2] + finish(s2, theta, r2, in, n4, inSize);
            out[o + 3] = theta[biasOffset + o + 3] + finish(s3, theta, r3, in, n4, inSize);
        }
        for (; o < outSize; o++) {
            int r = weightOffset + o * inSize;
            DoubleVector s = DoubleVector.zero(S);
            for (int j = 0; j < n4; j += W) {
                s = s.add(DoubleVector.fromArray(S, theta, r + j).mul(DoubleVector.fromArray(S, in, j)));
            }
            out[o] = theta[biasOffset + o] + finish(s, theta, r, in, n4, inSize);
        }
    }

    /**
     * ReLU's forward: mask[i] = in[i] &gt; 0 ? 1 : 0 and out[i] = Math.max(in[i], 0.0) (lanewise MAX is Math.max:
     * −0.0 gives 0.0, NaN stays NaN), four at a time.
     */
    static void relu(double[] in, double[] out, double[] mask, int n) {
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        int n4 = n - n % W;
        for (int i = 0; i < n4; i += W) {
            DoubleVector x = DoubleVector.fromArray(S, in, i);
            zero.blend(one, x.compare(VectorOperators.GT, 0.0)).intoArray(mask, i);
            x.lanewise(VectorOperators.MAX, zero).intoArray(out, i);
        }
        for (int i = n4; i < n; i++) {
            mask[i] = in[i] > 0 ? 1.0 : 0.0;
            out[i] = Math.max(in[i], 0.0);
        }
    }

    /** The tail j ≥ n4 into lane 0, then the lanes combined as unrolledDot combines its partial sums. */
    private static double finish(DoubleVector s, double[] w, int row, double[] in, int n4, int n) {
        double s0 = s.lane(0);
        for (int j = n4; j < n; j++) {
            s0 += w[row + j] * in[j];
        }
        return (s0 + s.lane(1)) + (s.lane(2) + s.lane(3));
    }

    private static void correlate1x8(double[] wa, double[] a, double[] wb, double[] b, int weightOffset, int biasOffset,
                                     int rowLength, int[] taps, int[] live, int from, int to, int co, int t,
                                     double[] plane) {
        DoubleVector p = DoubleVector.broadcast(S, wa[biasOffset + co]);
        DoubleVector q2 = p;
        int r = weightOffset + co * rowLength;
        for (int i = from; i < to; i++) {
            int q = live[i];
            int at = taps[q] + t;
            double w = wa[r + q];
            if (wb == null) {
                p = p.add(DoubleVector.fromArray(S, a, at).mul(DoubleVector.broadcast(S, w)));
                q2 = q2.add(DoubleVector.fromArray(S, a, at + W).mul(DoubleVector.broadcast(S, w)));
            } else {
                double v = wb[r + q];
                p = p.add(DoubleVector.fromArray(S, a, at).mul(DoubleVector.broadcast(S, w)).add(DoubleVector.fromArray(S, b, at).mul(DoubleVector.broadcast(S, v))));
                q2 = q2.add(DoubleVector.fromArray(S, a, at + W).mul(DoubleVector.broadcast(S, w)).add(DoubleVector.fromArray(S, b, at + W).mul(DoubleVector.broadcast(S, v))));
            }
        }
        p.intoArray(plane, t);
        q2.intoArray(plane, t + W);
    }
}
