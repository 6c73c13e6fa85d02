package org.hessianscope.io;

import org.hessianscope.arch.SpecException;
import org.hessianscope.arch.SpecJson;
import org.hessianscope.io.HandWritten.Entry;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.hessianscope.io.HandWritten.f4le;
import static org.hessianscope.io.HandWritten.f8le;
import static org.hessianscope.io.HandWritten.npy;
import static org.hessianscope.io.HandWritten.padded;
import static org.hessianscope.io.HandWritten.zip;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A seeded mutation fuzzer: valid {@code .npy}, {@code .npz} and spec inputs are
 * mutated (bit flips, interesting bytes and tokens, insertions, deletions,
 * truncation, splices) and fed to the readers, {@link FuzzRun#FULL} cases each. The only exceptions allowed out
 * are the documented ones ({@link NpyFormatException}, {@link SpecException}), and each case is bounded in
 * time and allocation ({@link FuzzRun.Bounds#SMALL_FILES}); the readers run under small size caps.
 */
public class ReaderFuzzTest {

    static final NpzLimits CAPS = new NpzLimits(1 << 20, 4 << 20, 64);
    static final byte[][] TOKENS = tokens("(", ")", ",", "{", "}", "'", "\"", ":", "\n", " ", "True", "False",
            "2147483647", "4294967296", "999999999", "-1", "0", "(0,)", "'<f4'", "'>f8'", "'<i8'", "'|O'", "'shape'",
            "'descr'", "[", "]", "null", "1e400", "\u00e9", "\\", "L", "\u0000");

    static final List<byte[]> NPY = List.of(
            npy(1, padded(10, "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }"), f8le(1, 2, 3, 4, 5, 6)),
            npy(2, padded(12, "{'descr': '<f4', 'fortran_order': False, 'shape': (4,), }"), f4le(1, 2, 3, 4)),
            npy(3, padded(12, "{'descr': '>f8', 'fortran_order': False, 'shape': (), }"), f8le(7)));

    static final List<byte[]> NPZ = List.of(
            zip(Entry.stored("a.npy", NPY.get(0)), Entry.deflated("b.npy", NPY.get(1))),
            zip(new Entry("conv1.weight.npy", NPY.get(0), false, true), new Entry("c.npy", NPY.get(2), true, true)),
            zip(Entry.deflated("x.npy", NPY.get(1))));

    static final List<String> SPECS = List.of("""
            {"input": {"channels": 1, "height": 28, "width": 28},
             "conv": [{"channels": 6, "kernel": 3}, {"channels": 6, "kernel": 3}],
             "reluAfterLastConv": false,
             "pool": {"type": "max", "size": 2, "at": 1},
             "head": {"hidden": [32, 16]},
             "classes": 10}""", """
            {"input": {"channels": 3, "height": 8, "width": 8}, "conv": [{"channels": 2, "kernel": 5}],
             "pool": null, "head": {"hidden": []}, "classes": 2}""");

    @Test
    void npyReaderThrowsOnlyItsFormatException() {
        run("npy", NPY, b -> Npy.read(b, 0, b.length, "fuzz.npy"), NpyFormatException.class);
    }

    @Test
    void npzReaderThrowsOnlyItsFormatException() {
        run("npz", NPZ, b -> Npz.read(b, "fuzz.npz", CAPS), NpyFormatException.class);
    }

    @Test
    void specParserThrowsOnlySpecException() {
        List<byte[]> corpus = SPECS.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
        run("spec", corpus, b -> SpecJson.parse(new String(b, StandardCharsets.UTF_8)), SpecException.class);
    }

    interface Reader {
        Object read(byte[] input) throws Exception;
    }

    /** {@link FuzzRun} with this class's count: these readers are cheap, so the ordinary build runs the full count. */
    private static void run(String format, List<byte[]> corpus, Reader reader, Class<? extends Exception> allowed) {
        int cases = FuzzRun.cases(FuzzRun.FULL);
        int[] outcomes = FuzzRun.run(format, corpus, cases, FuzzRun.Bounds.SMALL_FILES, (b, c) -> reader.read(b),
                List.of(allowed));
        // Both outcomes must occur, or the mutations are too weak (or too strong) to test anything.
        assertTrue(outcomes[0] > Math.min(20, cases / 200) && outcomes[1] > cases / 4,
                format + ": " + outcomes[0] + " accepted, " + outcomes[1] + " rejected");
    }

    public static byte[] mutate(List<byte[]> corpus, SplittableRandom rnd) {
        byte[] b = corpus.get(rnd.nextInt(corpus.size())).clone();
        int rounds = 1 + rnd.nextInt(4);
        for (int r = 0; r < rounds && b.length > 0; r++) {
            int pos = rnd.nextInt(b.length);
            switch (rnd.nextInt(9)) {
                case 0 -> b[pos] ^= (byte) (1 << rnd.nextInt(8));
                case 1 -> b[pos] = (byte) new int[] {0, 0xff, 0x7f, 0x80, 0x01, 0xfe}[rnd.nextInt(6)];
                case 2 -> b = splice(b, pos, 0, TOKENS[rnd.nextInt(TOKENS.length)]);
                case 3 -> b = splice(b, pos, Math.min(b.length - pos, 1 + rnd.nextInt(8)), new byte[0]);
                case 4 -> b = Arrays.copyOf(b, pos);
                case 5 -> {
                    byte[] other = corpus.get(rnd.nextInt(corpus.size()));
                    int from = rnd.nextInt(other.length);
                    b = splice(b, pos, 0, Arrays.copyOfRange(other, from, Math.min(other.length, from + 1 + rnd.nextInt(64))));
                }
                case 6, 7 -> {
                    // Replacing a digit with a digit keeps the syntax and reaches the size and shape checks.
                    int d = firstDigitFrom(b, pos);
                    if (d >= 0) {
                        b[d] = (byte) ('0' + rnd.nextInt(10));
                    }
                }
                default -> b = splice(b, pos, Math.min(b.length - pos, 1), TOKENS[rnd.nextInt(TOKENS.length)]);
            }
        }
        return b;
    }

    private static int firstDigitFrom(byte[] b, int pos) {
        for (int i = 0; i < b.length; i++) {
            int j = (pos + i) % b.length;
            if (b[j] >= '0' && b[j] <= '9') {
                return j;
            }
        }
        return -1;
    }

    private static byte[] splice(byte[] b, int pos, int remove, byte[] insert) {
        byte[] out = new byte[b.length - remove + insert.length];
        System.arraycopy(b, 0, out, 0, pos);
        System.arraycopy(insert, 0, out, pos, insert.length);
        System.arraycopy(b, pos + remove, out, pos + insert.length, b.length - pos - remove);
        return out;
    }

    private static byte[][] tokens(String... s) {
        return Arrays.stream(s).map(t -> t.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    }
}
