package org.hessianscope.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.hessianscope.task.ProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, case 2 and 11: the downloader against a hostile server on 127.0.0.1 (endless body,
 * wrong length, slow drip, redirect loop, wrong checksum). Each ends in one IOException naming
 * the URL, in bounded time, with bounded bytes on disk.
 */
@Timeout(60)
class HostileDownloadTest {
    @TempDir
    Path root;

    /** Fast limits so a slow drip is caught in about a second rather than two minutes. */
    static final DatasetDownloader.Timing QUICK = new DatasetDownloader.Timing(5_000, 5_000, 1_000, 4_096);

    DatasetDownloader against(HostileServer s) {
        return new DatasetDownloader(root, s.base(), ProgressMonitor.NONE, Map.of(), QUICK);
    }

    /** The limit on mnist's t10k-labels-idx1-ubyte.gz: 10,008 decompressed bytes, 1 % and 64 kB of gzip overhead. */
    static final long LABELS_LIMIT = 10_008 + 100 + (64 << 10);

    @Test
    void anEndlessBodyIsCutAtTheFilesLimitAndDeleted() throws Exception {
        byte[] chunk = new byte[1 << 14];
        try (HostileServer s = new HostileServer((req, out) -> {
            HostileServer.head(out, "HTTP/1.1 200 OK\nConnection: close");
            while (true) {
                out.write(chunk); // no Content-Length, no end
            }
        })) {
            IOException e = assertThrows(IOException.class, () -> against(s).download(DatasetName.MNIST));
            assertTrue(e.getMessage().contains("sent more than " + String.format("%,d", LABELS_LIMIT)) || e.getMessage()
                    .contains("sent more than " + String.format("%,d", 47_040_016L + 470_400 + (64 << 10))), e.getMessage());
            try (var files = Files.walk(root)) {
                assertEquals(0, files.filter(Files::isRegularFile).count(), "nothing kept of an endless body");
            }
        }
    }

    @Test
    void aContentLengthLargerThanTheFileCanBeIsRefusedBeforeReading() throws Exception {
        try (HostileServer s = new HostileServer((req, out) ->
                HostileServer.head(out, "HTTP/1.1 200 OK\nContent-Length: 12000000000\nConnection: close"))) {
            IOException e = assertThrows(IOException.class, () -> against(s).download(DatasetName.MNIST));
            assertTrue(e.getMessage().contains("announces 12,000,000,000 bytes, more than train-images-idx3-ubyte.gz "
                    + "can be (47,575,952 bytes)"), e.getMessage());
        }
    }

    @Test
    void theCifarArchiveMustHaveItsPublishedLength() throws Exception {
        try (HostileServer s = new HostileServer((req, out) ->
                HostileServer.head(out, "HTTP/1.1 200 OK\nContent-Length: 1000\nConnection: close"))) {
            IOException e = assertThrows(IOException.class, () -> against(s).download(DatasetName.CIFAR10));
            assertTrue(e.getMessage().endsWith("announces 1,000 bytes but cifar-10-binary.tar.gz is 170,052,171 "
                    + "bytes; refused (a wrong or tampered mirror)"), e.getMessage());
        }
    }

    @Test
    void aSlowDripIsStoppedAndItsPartialFileKept() throws Exception {
        try (HostileServer s = new HostileServer((req, out) -> {
            HostileServer.head(out, "HTTP/1.1 200 OK\nContent-Length: 40000\nConnection: close");
            for (int i = 0; i < 40_000; i++) {
                out.write(0x1f);
                out.flush();
                Thread.sleep(20); // 50 bytes/s, far below the 4,096 asked for
            }
        })) {
            IOException e = assertThrows(IOException.class, () -> against(s).download(DatasetName.MNIST));
            assertTrue(e.getMessage().startsWith("download of " + s.base() + "mnist/train-images-idx3-ubyte.gz is too "
                    + "slow: "), e.getMessage());
            assertTrue(Files.isRegularFile(root.resolve("mnist/train-images-idx3-ubyte.gz.part")), "kept to resume");
            assertTrue(s.bytesSent.get() < 40_000, "stopped long before the end");
        }
    }

    @Test
    void aRedirectLoopEndsInOneLine() throws Exception {
        try (HostileServer s = new HostileServer((req, out) -> {
            String[] parts = req.split(" ");
            String path = parts.length > 1 ? parts[1] : "/";
            HostileServer.head(out, "HTTP/1.1 302 Found\nLocation: " + path + "\nContent-Length: 0\nConnection: close");
        })) {
            IOException e = assertThrows(IOException.class, () -> against(s).download(DatasetName.MNIST));
            assertTrue(e.getMessage().startsWith("cannot download " + s.base() + "mnist/train-images-idx3-ubyte.gz: "),
                    e.getMessage());
            assertTrue(e.getMessage().contains("redirected too many"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
            assertTrue(s.connections.get() <= 25, "a bounded number of hops: " + s.connections.get());
        }
    }

    @Test
    void aWrongChecksumDeletesTheFile() throws Exception {
        byte[] body = TestFiles.gzip(new byte[100]);
        try (HostileServer s = new HostileServer((req, out) -> {
            HostileServer.head(out, "HTTP/1.1 200 OK\nContent-Length: " + body.length + "\nConnection: close");
            out.write(body);
        })) {
            IOException e = assertThrows(IOException.class, () -> against(s).download(DatasetName.MNIST));
            assertTrue(e.getMessage().startsWith("checksum mismatch for " + s.base() + "mnist/train-images-idx3-ubyte.gz"),
                    e.getMessage());
            assertFalse(Files.exists(root.resolve("mnist/train-images-idx3-ubyte.gz.part")));
            assertFalse(Files.exists(root.resolve("mnist/train-images-idx3-ubyte.gz")));
        }
    }

    @Test
    void onlyHttpMirrorsAreAccepted() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DatasetDownloader(root, URI.create("file:///etc"), ProgressMonitor.NONE));
        assertEquals("the mirror file:///etc: only http:// and https:// mirrors can be downloaded from; for files on "
                + "this machine give their folder as the data folder instead", e.getMessage());
    }

    @Test
    void fashionMnistIsFetchedOverHttps() {
        var d = new DatasetDownloader(root, null, ProgressMonitor.NONE);
        for (DatasetName n : DatasetName.values()) {
            for (var f : d.remoteFiles(n)) {
                assertEquals("https", f.url().getScheme(), f.url().toString());
            }
        }
    }
}
