package org.hessianscope.data;

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

    /** One file to fetch: where from, its name on disk and the checksum it must have. */
    public record RemoteFile(URI url, String fileName, ExpectedDigest expected) {
    }

    private final Path root;
    private final URI mirror;
    private final ProgressMonitor monitor;
    private final Map<String, ExpectedDigest> digestOverrides;
    private static final int TIMEOUT_MILLIS = 60_000;

    /**
     * @param mirror null for the publishers' mirrors; otherwise a base URL laid out like the datasets
     *               folder: {@code <mirror>/mnist/train-images-idx3-ubyte.gz}, {@code <mirror>/cifar10/cifar-10-binary.tar.gz}
     */
    public DatasetDownloader(Path root, URI mirror, ProgressMonitor monitor) {
        this(root, mirror, monitor, Map.of());
    }

    /** As above, with the checksums of some files replaced, keyed by "dataset/file" (for tests on small files). */
    public DatasetDownloader(Path root, URI mirror, ProgressMonitor monitor, Map<String, ExpectedDigest> digestOverrides) {
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
                    files.add(new RemoteFile(url(name, gz), gz, digestOverrides.getOrDefault(name.key() + "/" + gz, d)));
                }
            }
        } else {
            String tar = DatasetName.CIFAR_ARCHIVE;
            files.add(new RemoteFile(url(name, tar), tar, digestOverrides.getOrDefault(name.key() + "/" + tar,
                    ExpectedDigest.md5(DatasetName.CIFAR_ARCHIVE_MD5))));
        }
        return files;
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
                receive(c, f.url(), part, resume ? have : 0, label);
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
    private static HttpURLConnection open(URI url, long have) throws IOException {
        HttpURLConnection c = (HttpURLConnection) url.toURL().openConnection();
        c.setConnectTimeout(TIMEOUT_MILLIS);
        c.setReadTimeout(TIMEOUT_MILLIS);
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

    private void receive(HttpURLConnection c, URI url, Path part, long offset, String label) throws IOException {
        long length = c.getContentLengthLong();
        long total = length < 0 ? -1 : offset + length;
        long done = offset;
        StandardOpenOption mode = offset > 0 ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
        try (InputStream in = c.getInputStream();
             OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode)) {
            byte[] buf = new byte[1 << 16];
            monitor.progress(done, total, label);
            try {
                for (int n; (n = in.read(buf)) >= 0; ) {
                    out.write(buf, 0, n);
                    done += n;
                    monitor.progress(done, total, label);
                    monitor.checkCancelled();
                }
            } catch (IOException e) {
                out.flush();
                throw dropped(url, part, done, total, e);
            }
        }
        if (total >= 0 && done < total) {
            throw dropped(url, part, done, total, null);
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
