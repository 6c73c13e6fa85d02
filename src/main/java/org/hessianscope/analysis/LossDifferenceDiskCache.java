package org.hessianscope.analysis;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import org.hessianscope.io.AtomicFiles;
import org.hessianscope.landscape.LossDifferenceOptions;
import org.hessianscope.landscape.LossDifferenceResult;
import org.hessianscope.landscape.LossSummary;

/**
 * The loss-difference curves a compact analysis.json leaves out, kept on disk in the user's cache
 * folder ({@code UserFolders.analysisCache()}) so a second start reads them instead of running the
 * 500 orderings over up to 60,000 losses again for every reopened run (issue 17, defect 21). The
 * run folder itself may be read-only (the shipped sample models), hence a separate folder.
 *
 * <p>A file is named by a SHA-256 of exactly what the curves are a function of: the losses (every
 * bit), the orderings, seed, grid size and extra k (not the thread count: the engine is
 * bit-identical for any). A changed losses.npy or analysis setting therefore never finds a stale
 * file. Values are stored as raw IEEE bits, so a cached result equals the recomputed one exactly.
 * A file that is damaged, truncated, of another format version or of another key is ignored and
 * rewritten; a folder that cannot be written only means recomputing next time: the cache is never
 * an error to the user. Safe for concurrent readers (writes are atomic renames).
 */
public final class LossDifferenceDiskCache {
    /** Bump when {@link LossDifferenceResult} or the way it is computed changes: old files are then foreign. */
    static final int FORMAT = 1;
    private static final int MAGIC = 0x48534c44; // "HSLD"
    private static final String SUFFIX = ".lossdiff";

    private final Path folder;
    private final AtomicInteger computations = new AtomicInteger();

    public LossDifferenceDiskCache(Path folder) {
        this.folder = folder;
    }

    /** The curves of {@code losses} under {@code options}: from the cache file when it is sound, else {@code compute}'d and stored. */
    public LossDifferenceResult get(double[] losses, LossDifferenceOptions options, Supplier<LossDifferenceResult> compute) {
        byte[] key = key(losses, options);
        Path file = file(key);
        LossDifferenceResult cached = load(file, key);
        if (cached != null) {
            return cached;
        }
        computations.incrementAndGet();
        LossDifferenceResult r = compute.get();
        try {
            AtomicFiles.write(file, encode(key, r));
        } catch (IOException | RuntimeException e) {
            // Read-only or full cache folder: the result is still right, only the next start pays again.
        }
        return r;
    }

    /** How many results this cache had to compute (not found or not sound on disk). */
    public int computations() {
        return computations.get();
    }

    /** The cache file of these losses and options (for tests that damage it). */
    Path file(double[] losses, LossDifferenceOptions options) {
        return file(key(losses, options));
    }

    private Path file(byte[] key) {
        return folder.resolve(HexFormat.of().formatHex(key) + SUFFIX);
    }

    private static byte[] key(double[] losses, LossDifferenceOptions options) {
        MessageDigest d;
        try {
            d = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
        ByteBuffer b = ByteBuffer.allocate(8 * (losses.length + 6 + options.extraK().length));
        b.putInt(FORMAT).putInt(losses.length);
        for (double l : losses) {
            b.putLong(Double.doubleToRawLongBits(l));
        }
        b.putInt(options.orderings()).putLong(options.seed()).putInt(options.gridSize()).putInt(options.extraK().length);
        for (int k : options.extraK()) {
            b.putInt(k);
        }
        d.update(b.array(), 0, b.position());
        return d.digest();
    }

    private static LossDifferenceResult load(Path file, byte[] key) {
        try {
            if (!Files.isRegularFile(file)) {
                return null;
            }
            return decode(Files.readAllBytes(file), key);
        } catch (IOException | RuntimeException e) {
            return null; // damaged or foreign: recomputed and rewritten
        }
    }

    static byte[] encode(byte[] key, LossDifferenceResult r) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 * r.meanAbs().length + 4096);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.write(key);
        out.writeInt(r.n());
        out.writeInt(r.orderings());
        out.writeLong(r.seed());
        LossSummary s = r.losses();
        out.writeInt(s.n());
        writeDoubles(out, new double[] {s.mean(), s.std(), s.max(), s.maxAbs(), r.exactMeanAbsFirst(), r.exactMeanAbsLast()});
        writeDoubles(out, r.meanAbs());
        writeDoubles(out, r.stderrAbs());
        writeDoubles(out, r.meanSq());
        writeDoubles(out, r.exactMeanSq());
        out.writeInt(r.gridK().length);
        for (int k : r.gridK()) {
            out.writeInt(k);
        }
        out.writeInt(r.quantiles().length);
        for (double[] q : r.quantiles()) {
            writeDoubles(out, q);
        }
        out.flush();
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        out.writeLong(crc.getValue());
        out.flush();
        return bytes.toByteArray();
    }

    static LossDifferenceResult decode(byte[] content, byte[] key) throws IOException {
        if (content.length < 8 + 8 + key.length) {
            throw new IOException("too short");
        }
        CRC32 crc = new CRC32();
        crc.update(content, 0, content.length - 8);
        if (crc.getValue() != ByteBuffer.wrap(content, content.length - 8, 8).getLong()) {
            throw new IOException("checksum");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(content, 0, content.length - 8));
        if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
            throw new IOException("foreign file");
        }
        byte[] stored = in.readNBytes(key.length);
        if (!Arrays.equals(stored, key)) {
            throw new IOException("another key");
        }
        int n = in.readInt();
        int orderings = in.readInt();
        long seed = in.readLong();
        int sn = in.readInt();
        double[] scalars = readDoubles(in, 6);
        double[] meanAbs = readDoubles(in, n - 1);
        double[] stderrAbs = readDoubles(in, n - 1);
        double[] meanSq = readDoubles(in, n - 1);
        double[] exactMeanSq = readDoubles(in, n - 1);
        int[] gridK = new int[checkedLength(in.readInt(), n)];
        for (int i = 0; i < gridK.length; i++) {
            gridK[i] = in.readInt();
        }
        double[][] quantiles = new double[checkedLength(in.readInt(), 64)][];
        for (int i = 0; i < quantiles.length; i++) {
            quantiles[i] = readDoubles(in, gridK.length);
        }
        if (in.available() != 0) {
            throw new IOException("trailing bytes");
        }
        return new LossDifferenceResult(n, orderings, seed, new LossSummary(sn, scalars[0], scalars[1], scalars[2], scalars[3]),
                meanAbs, stderrAbs, meanSq, exactMeanSq, scalars[4], scalars[5], gridK, quantiles);
    }

    private static int checkedLength(int length, int max) throws IOException {
        if (length < 0 || length > max) {
            throw new IOException("length " + length);
        }
        return length;
    }

    private static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double v : values) {
            out.writeLong(Double.doubleToRawLongBits(v));
        }
    }

    private static double[] readDoubles(DataInputStream in, int expected) throws IOException {
        int length = in.readInt();
        if (length != expected) {
            throw new IOException("length " + length + ", expected " + expected);
        }
        double[] v = new double[length];
        for (int i = 0; i < length; i++) {
            v[i] = Double.longBitsToDouble(in.readLong());
        }
        return v;
    }
}
