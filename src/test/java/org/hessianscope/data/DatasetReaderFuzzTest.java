package org.hessianscope.data;

import org.hessianscope.io.FuzzRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.hessianscope.data.TestFiles.cifar;
import static org.hessianscope.data.TestFiles.gzip;
import static org.hessianscope.data.TestFiles.idxImages;
import static org.hessianscope.data.TestFiles.idxLabels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A seeded mutation fuzz of the IDX (plain and gzipped) and CIFAR-10 readers: bit flips,
 * truncations, header fields overwritten with huge or negative values, insertions and
 * deletions. Whatever the bytes, a reader returns a consistent dataset or throws
 * {@link DatasetFormatException} naming the file; any other exception (or an out-of-memory error) fails.
 * Six readers (by what is mutated), {@link FuzzRun#FULL} cases each, taken in turn from one seeded
 * stream; each case is bounded in time and allocation by {@link FuzzRun.Tally}.
 */
class DatasetReaderFuzzTest {
    private static final long SEED = 20_261_127L;
    private static final DataSource SOURCE = new DataSource(SourceKind.DATA_DIR, "fuzz");
    private static final int[] NASTY = {0, 1, -1, 28, 255, 784, Integer.MAX_VALUE, Integer.MIN_VALUE, 1 << 30, 600_000, 0x00000803, 0x00000801};
    /** The readers, by what each case mutates; case c goes to reader c % 6, as before they were counted apart. */
    private static final List<String> READERS = List.of("idx images", "idx images gzipped",
            "idx images gzip stream", "idx labels", "idx count", "cifar-10 batches");

    private final byte[] images = idxImages(3, 28, 28);
    private final byte[] labels = idxLabels(3, 0, 9);
    private final byte[] cifarTwo = cifar(0, 6, 9);

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void onlyDatasetFormatExceptionEverComesOut() {
        int perReader = FuzzRun.cases(FuzzRun.FULL);
        List<FuzzRun.Tally> tallies = READERS.stream().map(r -> new FuzzRun.Tally(r, FuzzRun.Bounds.SMALL_FILES,
                List.of(DatasetFormatException.class))).toList();
        Random rnd = new Random(SEED);
        for (int c = 0; c < READERS.size() * perReader; c++) {
            int target = c % READERS.size();
            Throwable rejected = tallies.get(target).run(c, () -> {
                switch (target) {
                    case 0 -> check(fromIdx(mutate(rnd, images, 16), labels, false));
                    case 1 -> check(fromIdx(mutate(rnd, images, 16), labels, true));   // mutated before compression
                    case 2 -> check(Dataset.fromIdx(DatasetName.MNIST, Split.TRAIN, SOURCE,   // after compression
                            DataFile.of("images.gz", mutate(rnd, gzip(images), 10)), DataFile.of("labels", labels)));
                    case 3 -> {
                        byte[] l = mutate(rnd, labels, 8);
                        check(Dataset.fromIdx(DatasetName.MNIST, Split.TEST, SOURCE, DataFile.of("images", images),
                                DataFile.of("labels", rnd.nextBoolean() ? gzip(l) : l)));
                    }
                    case 4 -> check(IdxReader.count(DataFile.of("any", rnd.nextBoolean() ? gzip(mutate(rnd, images, 16))
                            : mutate(rnd, labels, 8))));
                    default -> {
                        byte[] m = mutate(rnd, cifarTwo, 1);
                        if (rnd.nextInt(4) == 0) {
                            m[rnd.nextInt(2) * 3073 % Math.max(1, m.length)] = (byte) rnd.nextInt(256);
                        }
                        check(Dataset.fromCifar(DatasetName.CIFAR10, Split.TRAIN, SOURCE,
                                List.of(DataFile.of("data_batch_1.bin", cifar(0, 1)), DataFile.of("data_batch_2.bin", m))));
                    }
                }
                return null;
            }, null);
            if (rejected != null) {
                DatasetFormatException e = (DatasetFormatException) rejected;
                assertTrue(e.getMessage().startsWith(e.file() + ": "), "the message names the file: " + e.getMessage());
            }
        }
        int accepted = 0;
        int rejected = 0;
        for (FuzzRun.Tally t : tallies) {
            t.print();
            assertEquals(perReader, t.accepted() + t.rejected());
            // Every reader must see both outcomes, or its mutations test nothing.
            assertTrue(t.rejected() > 0, "no case rejected");
            accepted += t.accepted();
            rejected += t.rejected();
        }
        // The mutations must exercise both outcomes, or the fuzz tests nothing.
        assertTrue(rejected > READERS.size() * perReader / 2, "rejected " + rejected);
        assertTrue(accepted > Math.min(100, perReader / 20), "accepted " + accepted);
    }

    private static Dataset fromIdx(byte[] img, byte[] lbl, boolean gz) throws IOException {
        return Dataset.fromIdx(DatasetName.MNIST, Split.TRAIN, SOURCE,
                DataFile.of("images", gz ? gzip(img) : img), DataFile.of("labels", lbl));
    }

    /** A dataset that was accepted must be whole: every record readable. */
    private static void check(Dataset d) {
        double[] x = new double[d.inputSize()];
        for (int i = 0; i < d.size(); i++) {
            d.copyInput(i, x, 0);
            assertTrue(d.label(i) >= 0 && d.label(i) < 10);
        }
    }

    private static void check(int count) {
        assertTrue(count >= 0);
    }

    /** One to three random mutations of {@code base}; {@code header} is the length of its header fields. */
    static byte[] mutate(Random rnd, byte[] base, int header) {
        byte[] b = base.clone();
        int n = 1 + rnd.nextInt(3);
        for (int k = 0; k < n; k++) {
            switch (rnd.nextInt(6)) {
                case 0 -> { // bit flips
                    for (int f = 1 + rnd.nextInt(8); f > 0 && b.length > 0; f--) {
                        b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
                    }
                }
                case 1 -> b = Arrays.copyOf(b, b.length == 0 ? 0 : rnd.nextInt(b.length)); // truncation
                case 2 -> { // a header field overwritten with a huge, negative or misleading value
                    int fields = header / 4;
                    if (fields > 0 && b.length >= header) {
                        int v = rnd.nextInt(3) == 0 ? rnd.nextInt() : NASTY[rnd.nextInt(NASTY.length)];
                        ByteBuffer.wrap(b).putInt(4 * rnd.nextInt(fields), v);
                    } else if (b.length > 0) {
                        b[0] = (byte) rnd.nextInt(256);
                    }
                }
                case 3 -> { // insertion
                    int at = rnd.nextInt(b.length + 1);
                    byte[] extra = new byte[1 + rnd.nextInt(16)];
                    rnd.nextBytes(extra);
                    byte[] out = new byte[b.length + extra.length];
                    System.arraycopy(b, 0, out, 0, at);
                    System.arraycopy(extra, 0, out, at, extra.length);
                    System.arraycopy(b, at, out, at + extra.length, b.length - at);
                    b = out;
                }
                case 4 -> { // deletion of a range
                    if (b.length > 1) {
                        int from = rnd.nextInt(b.length);
                        int to = Math.min(b.length, from + 1 + rnd.nextInt(64));
                        byte[] out = new byte[b.length - (to - from)];
                        System.arraycopy(b, 0, out, 0, from);
                        System.arraycopy(b, to, out, from, b.length - to);
                        b = out;
                    }
                }
                default -> { // a random byte anywhere
                    if (b.length > 0) {
                        b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
                    }
                }
            }
        }
        return b;
    }
}
