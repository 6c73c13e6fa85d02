package org.hessianscope.io;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.ConvLayerSpec;
import org.hessianscope.arch.HeadSpec;
import org.hessianscope.arch.InputShape;
import org.hessianscope.io.HandWritten.Entry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.hessianscope.io.HandWritten.f4le;
import static org.hessianscope.io.HandWritten.f8le;
import static org.hessianscope.io.HandWritten.npy;
import static org.hessianscope.io.HandWritten.padded;
import static org.hessianscope.io.HandWritten.zip;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WeightsFileTest {

    /** 1×5×5 input, conv1 2×1×3×3 → 2×3×3, fc1 18 → 2: 18 + 2 + 36 + 2 = 58 parameters. */
    static final ArchitectureSpec SPEC = new ArchitectureSpec(new InputShape(1, 5, 5), List.of(new ConvLayerSpec(2, 3)),
            false, null, HeadSpec.LINEAR, 2);

    static byte[] f8(String shape, double[] values) {
        return npy(1, padded(10, "{'descr': '<f8', 'fortran_order': False, 'shape': " + shape + ", }"), f8le(values));
    }

    static double[] ramp(int n, double start) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = start + i;
        }
        return v;
    }

    static List<Entry> paperEntries() {
        return new ArrayList<>(List.of(
                Entry.stored("conv1.weight.npy", f8("(2, 1, 3, 3)", ramp(18, 100))),
                Entry.deflated("conv1.bias.npy", f8("(2,)", new double[] {-1, -2})),
                Entry.stored("fc1.weight.npy", f8("(2, 18)", ramp(36, 200))),
                Entry.stored("fc1.bias.npy", f8("(2,)", new double[] {7, 8}))));
    }

    static Path write(Path dir, List<Entry> entries) throws Exception {
        Path f = dir.resolve("w.npz");
        Files.write(f, zip(entries.toArray(Entry[]::new)));
        return f;
    }

    private static String error(Path dir, List<Entry> entries) throws Exception {
        Path f = write(dir, entries);
        return assertThrows(NpyFormatException.class, () -> WeightsFile.read(f, SPEC)).getMessage()
                .replace(f.toString(), "w.npz");
    }

    @Test
    void placesEachTensorAtItsLayoutOffset(@TempDir Path dir) throws Exception {
        double[] theta = WeightsFile.read(write(dir, paperEntries()), SPEC);
        assertEquals(58, theta.length);
        assertEquals(100 + 1 * 9 + 2 * 3 + 1, theta[1 * 9 + 2 * 3 + 1], "conv1.weight[1, 0, 2, 1] is row-major entry 16");
        assertEquals(-2, theta[19], "conv1.bias[1] follows the 18 conv weights");
        assertEquals(200 + 18, theta[20 + 18], "fc1.weight[1, 0] is entry 18 of fc1.weight, which starts at 20");
        assertEquals(8, theta[57]);
    }

    @Test
    void acceptsFloat32Arrays(@TempDir Path dir) throws Exception {
        List<Entry> e = paperEntries();
        e.set(3, Entry.stored("fc1.bias.npy", npy(1, padded(10, "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }"),
                f4le(0.1f, 8f))));
        double[] theta = WeightsFile.read(write(dir, e), SPEC);
        assertEquals((double) 0.1f, theta[56]);
    }

    @Test
    void namesTheKeyAndTheShapesForEachMismatch(@TempDir Path dir) throws Exception {
        List<Entry> missing = paperEntries();
        missing.remove(1);
        assertTrue(error(dir, missing).startsWith("w.npz: weights do not fit the spec: missing key conv1.bias (expected shape [2])."),
                error(dir, missing));

        List<Entry> extra = paperEntries();
        extra.add(Entry.stored("fc2.bias.npy", f8("(2,)", new double[] {1, 2})));
        assertTrue(error(dir, extra).startsWith("w.npz: weights do not fit the spec: unexpected key fc2.bias (shape [2])."));

        List<Entry> shape = paperEntries();
        shape.set(2, Entry.stored("fc1.weight.npy", f8("(18, 2)", ramp(36, 0))));
        assertEquals("w.npz: weights do not fit the spec: key fc1.weight has shape [18, 2], expected [2, 18]. The spec needs "
                + "conv1.weight[2, 1, 3, 3], conv1.bias[2], fc1.weight[2, 18], fc1.bias[2]", error(dir, shape));

        List<Entry> dtype = paperEntries();
        dtype.set(3, Entry.stored("fc1.bias.npy", npy(1, padded(10, "{'descr': '<i8', 'fortran_order': False, 'shape': (2,), }"),
                f8le(1, 2))));
        assertEquals("w.npz: entry fc1.bias.npy: dtype '<i8' is not supported; valid: <f8, <f4, >f8, >f4", error(dir, dtype));

        List<Entry> nan = paperEntries();
        nan.set(1, Entry.stored("conv1.bias.npy", f8("(2,)", new double[] {0, Double.NaN})));
        assertEquals("w.npz: conv1.bias[1] is NaN; weights must be finite", error(dir, nan));
    }

    @Test
    void weightsOfAnotherSpecListEveryProblem(@TempDir Path dir) throws Exception {
        ArchitectureSpec twoLayers = ArchitectureSpec.paper(new InputShape(1, 5, 5), 2, 2, 2, null, 2);
        Path f = dir.resolve("other.npz");
        WeightsFile.write(f, twoLayers, new double[twoLayers.parameterCount()]);
        String msg = assertThrows(NpyFormatException.class, () -> WeightsFile.read(f, SPEC)).getMessage();
        assertTrue(msg.contains("key conv1.weight has shape [2, 1, 2, 2], expected [2, 1, 3, 3]"), msg);
        assertFalse(msg.contains("fc1.weight has shape"), msg);
        assertTrue(msg.contains("unexpected key conv2.weight (shape [2, 2, 2, 2])"), msg);
        assertTrue(msg.startsWith(f.toString()), msg);
    }

    @Test
    void writeReadRoundTripInBothPrecisions(@TempDir Path dir) throws Exception {
        double[] theta = new double[SPEC.parameterCount()];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = Math.sin(i + 0.5) / 3;
        }
        Path f64 = dir.resolve("f64.npz");
        WeightsFile.write(f64, SPEC, theta);
        assertArrayEquals(theta, WeightsFile.read(f64, SPEC));
        assertEquals(NpyDtype.FLOAT64_LE, Npz.read(f64).get("conv1.weight").dtype());
        assertEquals(List.of("conv1.weight", "conv1.bias", "fc1.weight", "fc1.bias"), List.copyOf(Npz.read(f64).keySet()));

        Path f32 = dir.resolve("f32.npz");
        WeightsFile.write(f32, SPEC, theta, NpyDtype.FLOAT32_LE);
        double[] back = WeightsFile.read(f32, SPEC);
        for (int i = 0; i < theta.length; i++) {
            assertEquals((float) theta[i], back[i], 0.0, "float32 rounding of entry " + i);
        }
        assertTrue(Files.size(f32) < Files.size(f64));
    }
}
