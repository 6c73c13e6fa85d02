package org.hessianscope.data;

import org.hessianscope.task.InvalidSettingException;
import org.hessianscope.task.ProgressMonitor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Fetches full datasets from their publishers' mirrors into a datasets folder (by default
 * {@code ~/.local/share/hessianscope/datasets}), laid out as {@link DatasetCatalog} finds them.
 * A file is written as {@code NAME.part}, resumed with an HTTP Range request when a
 * previous attempt broke off, checked against its known checksum, and only then renamed
 * atomically to {@code NAME}; so a file under its final name is always complete and verified.
 */
public final class DatasetDownloader {

    /**
     * One file to fetch: where from, its name on disk, the checksum it must have, and its size:
     * {@code exactBytes} when it is known (else -1), and the most bytes accepted in any case.
     */
    public record RemoteFile(URI url, String fileName, ExpectedDigest expected, long exactBytes, long maxBytes) {
    }

    /** The published CIFAR-10 binary archive is exactly this long (its MD5 is {@link DatasetName#CIFAR_ARCHIVE_MD5}). */
    public static final long CIFAR_ARCHIVE_BYTES = 170_052_171L;

    /**
     * How long a download may stall and how slow it may get: a read waiting longer than
     * {@code readTimeoutMillis}, or an average below {@code minBytesPerSecond} once
     * {@code graceMillis} have passed, stops it (the partial file is kept to resume).
     */
    record Timing(int connectTimeoutMillis, int readTimeoutMillis, long graceMillis, long minBytesPerSecond) {
        static final Timing DEFAULT = new Timing(60_000, 60_000, 120_000, 4_096);
    }

    private final Path root;
    private final URI mirror;
    private final ProgressMonitor monitor;
    private final Map<String, ExpectedDigest> digestOverrides;
    private final Timing timing;

    /**
     * @param mirror null for the publishers' mirrors; otherwise a base URL laid out like the datasets
     *               folder: {@code <mirror>/mnist/train-images-idx3-ubyte.gz}, {@code <mirror>/cifar10/cifar-10-binary.tar.gz}
     */
    public DatasetDownloader(Path root, URI mirror, ProgressMonitor monitor) {
        this(root, mirror, monitor, Map.of());
    }

    /** As above, with the checksums of some files replaced, keyed by "dataset/file" (for tests on small files). */
    public DatasetDownloader(Path root, URI mirror, ProgressMonitor monitor, Map<String, ExpectedDigest> digestOverrides) {
        this(root, mirror, monitor, digestOverrides, Timing.DEFAULT);
    }

    DatasetDownloader(Path root, URI mirror, ProgressMonitor monitor, Map<String, ExpectedDigest> digestOverrides,
                      Timing timing) {
        if (mirror != null && !"http".equalsIgnoreCase(mirror.getScheme()) && !"https".equalsIgnoreCase(mirror.getScheme())) {
            // In the core's words; the CLI names the setting by its flag (--mirror).
            throw new InvalidSettingException("{mirror|the mirror} " + mirror + ": only http:// and https:// mirrors "
                    + "can be downloaded from; for files on this machine give their folder as the data folder instead");
        }
        this.timing = timing;
        this.root = root;
        this.mirror = mirror;
        this.monitor = monitor;
        this.digestOverrides = Map.copyOf(digestOverrides);
    }

    /** The files fetched for {@code name}, with their URLs and checksums. */
    public List<RemoteFile> remoteFiles(DatasetName name) {
        List<RemoteFile> files = new ArrayList<>();
        if (name.format() == DatasetName.Format.IDX) {
            for (Split split : Split.values()) {
                for (String idx : name.files(split)) {
                    String gz = idx + ".gz";
                    ExpectedDigest d = ExpectedDigest.sha256OfDecompressed(name.sha256(idx).orElseThrow());
                    // Mirrors may gzip differently, so only the decompressed size is known; gzip adds at
                    // most a few bytes per 16 kB block to data it cannot compress.
                    long idxBytes = idxBytes(idx, split);
                    files.add(new RemoteFile(url(name, gz), gz, digestOverrides.getOrDefault(name.key() + "/" + gz, d),
                            -1, idxBytes + idxBytes / 100 + (64 << 10)));
                }
            }
        } else {
            String tar = DatasetName.CIFAR_ARCHIVE;
            ExpectedDigest override = digestOverrides.get(name.key() + "/" + tar);
            // The published archive's size is known exactly; a test's own archive only has the margin.
            files.add(new RemoteFile(url(name, tar), tar, override != null ? override
                    : ExpectedDigest.md5(DatasetName.CIFAR_ARCHIVE_MD5), override != null ? -1 : CIFAR_ARCHIVE_BYTES,
                    CIFAR_ARCHIVE_BYTES + CIFAR_ARCHIVE_BYTES / 100));
        }
        return files;
    }

    /** Bytes of a decompressed MNIST-layout IDX file: 60,000 training and 10,000 test 28×28 images. */
    private static long idxBytes(String idxFile, Split split) {
        long records = split == Split.TRAIN ? 60_000 : 10_000;
        return idxFile.contains("images") ? 16 + records * 28 * 28 : 8 + records;
    }

    /** Fetches {@code name} unless it is already complete; returns its folder. */
    public Path download(DatasetName name) throws IOException {
        Path dir = root.resolve(name.key());
        Files.createDirectories(dir);
        if (name.format() == DatasetName.Format.IDX) {
            for (RemoteFile f : remoteFiles(name)) {
                Path target = dir.resolve(f.fileName());
                if (Files.isRegularFile(target)) {
                    monitor.progress(1, 1, name + "/" + f.fileName() + " already present");
                } else {
                    fetch(f, target, name + "/" + f.fileName());
                }
            }
            return dir;
        }
        Path batches = dir.resolve(DatasetName.CIFAR_FOLDER);
        if (allPresent(batches, name)) {
            monitor.progress(1, 1, name + " already present");
            return batches;
        }
        RemoteFile archive = remoteFiles(name).get(0);
        Path tar = dir.resolve(archive.fileName());
        if (!Files.isRegularFile(tar)) {
            fetch(archive, tar, name + "/" + archive.fileName());
        }
        extractCifar(tar, batches, name);
        Files.delete(tar);
        return batches;
    }

    private URI url(DatasetName name, String file) {
        String base = mirror == null ? name.defaultMirror() : withSlash(mirror.toString()) + name.key() + "/";
        return URI.create(withSlash(base) + file);
    }

    private static String withSlash(String s) {
        return s.endsWith("/") ? s : s + "/";
    }

    /** Downloads into {@code target.part}, resuming what is there, verifies, and renames it to {@code target}. */
    private void fetch(RemoteFile f, Path target, String label) throws IOException {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        boolean restarted = false;
        while (true) {
            long have = Files.isRegularFile(part) ? Files.size(part) : 0;
            HttpURLConnection c = open(f.url(), have);
            try {
                int status = status(c, f.url());
                boolean resume = have > 0 && status == 206 && rangeStartsAt(c, have);
                if (status == 416 && matches(f, part)) {
                    break; // the partial file was already whole: a run stopped between download and rename
                }
                if (status == 206 && !resume || status == 416) {
                    // The server's range does not continue our partial file: start over, once.
                    Files.deleteIfExists(part);
                    if (restarted) {
                        throw new IOException("HTTP " + status + " from " + f.url() + ": cannot resume or restart the download");
                    }
                    restarted = true;
                    continue;
                }
                if (status != 200 && status != 206) {
                    throw new IOException("HTTP " + status + " from " + f.url() + " (downloading " + label + ")");
                }
                // 200 means the server ignored the Range header and sends the whole file.
                receive(c, f, part, resume ? have : 0, label);
                break;
            } finally {
                c.disconnect();
            }
        }
        verify(f, part);
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
    }

    // HttpURLConnection rather than java.net.http: it reads the socket synchronously, so every byte
    // that arrived before a connection broke reaches the partial file and a retry resumes after it.
    private HttpURLConnection open(URI url, long have) throws IOException {
        if (!(url.toURL().openConnection() instanceof HttpURLConnection c)) {
            throw new IOException(url + " is not an http(s) URL");
        }
        c.setConnectTimeout(timing.connectTimeoutMillis());
        c.setReadTimeout(timing.readTimeoutMillis());
        c.setInstanceFollowRedirects(true);
        c.setRequestProperty("Accept-Encoding", "identity");
        if (have > 0) {
            c.setRequestProperty("Range", "bytes=" + have + "-");
        }
        return c;
    }

    private static int status(HttpURLConnection c, URI url) throws IOException {
        try {
            return c.getResponseCode();
        } catch (IOException e) {
            throw new IOException("cannot download " + url + ": " + e, e);
        }
    }

    private static boolean rangeStartsAt(HttpURLConnection c, long have) {
        String range = c.getHeaderField("Content-Range");
        return range != null && range.startsWith("bytes " + have + "-");
    }

    private void receive(HttpURLConnection c, RemoteFile f, Path part, long offset, String label) throws IOException {
        URI url = f.url();
        long length = c.getContentLengthLong();
        long total = length < 0 ? -1 : offset + length;
        if (total >= 0 && f.exactBytes() >= 0 && total != f.exactBytes()) {
            throw new IOException(String.format(java.util.Locale.ROOT, "%s announces %,d bytes but %s is %,d bytes; "
                    + "refused (a wrong or tampered mirror)", url, total, f.fileName(), f.exactBytes()));
        }
        long limit = f.exactBytes() >= 0 ? f.exactBytes() : f.maxBytes();
        if (total > limit) {
            throw new IOException(String.format(java.util.Locale.ROOT, "%s announces %,d bytes, more than %s can be "
                    + "(%,d bytes); refused (a wrong or hostile mirror)", url, total, f.fileName(), limit));
        }
        long done = offset;
        long start = System.nanoTime();
        StandardOpenOption mode = offset > 0 ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
        try (InputStream in = c.getInputStream();
             OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode)) {
            byte[] buf = new byte[1 << 16];
            monitor.progress(done, total, label);
            try {
                for (int n; (n = in.read(buf)) >= 0; ) {
                    if (done + n > limit) {
                        out.close();
                        Files.deleteIfExists(part);
                        throw new Stopped(String.format(java.util.Locale.ROOT, "%s sent more than %,d bytes, more "
                                + "than %s can be; stopped and deleted the partial file (a wrong or hostile mirror)",
                                url, limit, f.fileName()));
                    }
                    out.write(buf, 0, n);
                    done += n;
                    monitor.progress(done, total, label);
                    monitor.checkCancelled();
                    tooSlow(url, part, done - offset, start);
                }
            } catch (Stopped e) {
                throw e;
            } catch (IOException e) {
                out.flush();
                throw dropped(url, part, done, total, e);
            }
        }
        if (total >= 0 && done < total) {
            throw dropped(url, part, done, total, null);
        }
    }

    /** A download stopped on purpose (too long, too slow), with its own message rather than "connection dropped". */
    private static final class Stopped extends IOException {
        Stopped(String message) {
            super(message);
        }
    }

    private void tooSlow(URI url, Path part, long received, long startNanos) throws Stopped {
        long millis = (System.nanoTime() - startNanos) / 1_000_000;
        if (millis > timing.graceMillis() && received * 1000 < timing.minBytesPerSecond() * millis) {
            throw new Stopped(String.format(java.util.Locale.ROOT, "download of %s is too slow: %,d bytes in "
                    + "%.0f s, below %,d bytes/s; the partial file %s is kept and resumes when run again (or try "
                    + "another mirror)", url, received, millis / 1000.0, timing.minBytesPerSecond(), part));
        }
    }

    private static IOException dropped(URI url, Path part, long done, long total, IOException cause) {
        return new IOException("connection dropped while downloading " + url + " after " + done
                + (total >= 0 ? " of " + total : "") + " bytes; the partial file " + part
                + " is kept and the download resumes when run again", cause);
    }

    private static boolean matches(RemoteFile f, Path part) throws IOException {
        try {
            return f.expected().compute(part).equals(f.expected().hex());
        } catch (DatasetFormatException e) {
            return false;
        }
    }

    private void verify(RemoteFile f, Path part) throws IOException {
        String actual;
        try {
            actual = f.expected().compute(part);
        } catch (DatasetFormatException e) {
            Files.deleteIfExists(part);
            throw new IOException("download of " + f.url() + " is damaged: " + e.getMessage()
                    + "; deleted it, run download again", e);
        }
        if (!actual.equals(f.expected().hex())) {
            Files.deleteIfExists(part);
            throw new IOException("checksum mismatch for " + f.url() + ": " + f.expected().describe() + " is "
                    + actual + ", expected " + f.expected().hex() + "; deleted " + part + ", run download again");
        }
    }

    private static boolean allPresent(Path dir, DatasetName name) {
        for (Split split : Split.values()) {
            for (String file : name.files(split)) {
                if (!Files.isRegularFile(dir.resolve(file))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Unpacks the batch files next to their final folder, checks them, then moves the folder into place. */
    private void extractCifar(Path tar, Path batches, DatasetName name) throws IOException {
        Path staging = batches.resolveSibling(batches.getFileName() + ".part");
        deleteTree(staging);
        Files.createDirectories(staging);
        Set<String> wanted = new HashSet<>(name.files(Split.TRAIN));
        wanted.addAll(name.files(Split.TEST));
        monitor.progress(0, 1, "extracting " + tar.getFileName());
        try (InputStream in = new GZIPInputStream(Files.newInputStream(tar), 1 << 16)) {
            Set<String> got = TarReader.extract(in, tar.toString(), staging, wanted);
            wanted.removeAll(got);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new DatasetFormatException(tar.toString(), "corrupt gzip data (" + e.getMessage() + ")", e);
        }
        if (!wanted.isEmpty()) {
            throw new DatasetFormatException(tar.toString(), "lacks " + String.join(", ", wanted.stream().sorted().toList()));
        }
        for (Split split : Split.values()) {
            for (String file : name.files(split)) {
                CifarReader.recordsOf(DataFile.of(staging.resolve(file)));
            }
        }
        deleteTree(batches);
        Files.move(staging, batches, StandardCopyOption.ATOMIC_MOVE);
        monitor.progress(1, 1, "extracted " + batches);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
