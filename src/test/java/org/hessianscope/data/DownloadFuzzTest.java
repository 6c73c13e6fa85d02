package org.hessianscope.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.hessianscope.io.AtomicFiles;
import org.hessianscope.io.FuzzRun;
import org.hessianscope.task.ProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18's fuzz extension for the downloader: a server on 127.0.0.1 answers every request with the
 * case's bytes (status line, headers and body of a valid answer, mutated), and the downloader fetches
 * MNIST from it into a fresh folder. A valid answer passes (the digests are set to its body's); any other
 * ends in one IOException line, each case bounded in time and allocation.
 */
class DownloadFuzzTest {
    @TempDir
    Path tmp;

    static byte[] answer(String head, byte[] body) {
        byte[] h = (head.replace("\n", "\r\n") + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = java.util.Arrays.copyOf(h, h.length + body.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    @Test
    void downloaderThrowsOnlyIOException() throws Exception {
        byte[] idx = TestFiles.idxLabels(1, 2, 3);
        byte[] gz = TestFiles.gzip(idx);
        String chunked = Integer.toHexString(gz.length) + "\r\n";
        byte[] chunkedBody = new byte[chunked.length() + gz.length + 7];
        System.arraycopy(chunked.getBytes(StandardCharsets.US_ASCII), 0, chunkedBody, 0, chunked.length());
        System.arraycopy(gz, 0, chunkedBody, chunked.length(), gz.length);
        System.arraycopy("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0, chunkedBody, chunked.length() + gz.length, 7);
        List<byte[]> corpus = List.of(
                answer("HTTP/1.1 200 OK\nContent-Length: " + gz.length + "\nConnection: close", gz),
                answer("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\nConnection: close", chunkedBody),
                answer("HTTP/1.1 206 Partial Content\nContent-Range: bytes 0-" + (gz.length - 1) + "/" + gz.length
                        + "\nContent-Length: " + gz.length, gz),
                answer("HTTP/1.1 302 Found\nLocation: /mnist/elsewhere.gz\nContent-Length: 0", new byte[0]),
                answer("HTTP/1.0 404 Not Found\nContent-Length: 9", "not found".getBytes(StandardCharsets.US_ASCII)));
        AtomicReference<byte[]> current = new AtomicReference<>(corpus.get(0));
        Map<String, ExpectedDigest> digests = new HashMap<>();
        for (DatasetDownloader.RemoteFile f : new DatasetDownloader(tmp, null, ProgressMonitor.NONE)
                .remoteFiles(DatasetName.MNIST)) {
            digests.put("mnist/" + f.fileName(), ExpectedDigest.sha256OfDecompressed(TestFiles.sha256(idx)));
        }
        try (HostileServer server = new HostileServer((request, out) -> out.write(current.get()))) {
            Path root = tmp.resolve("datasets");
            // Each case is up to four HTTP requests and a folder (15 ms on a quiet machine): the ordinary build runs
            // the slow readers' count, FuzzRun.CASES.
            int[] outcomes = FuzzRun.run("download", corpus, FuzzRun.CASES,
                    new FuzzRun.Bounds(Duration.ofSeconds(15), 64L << 20), (b, c) -> {
                        current.set(b);
                        AtomicFiles.deleteTree(root);
                        return new DatasetDownloader(root, server.base(), ProgressMonitor.NONE, digests,
                                HostileDownloadTest.QUICK).download(DatasetName.MNIST);
                    }, List.of(IOException.class));
            if (outcomes[0] == 0) {
                throw new AssertionError("no case downloaded: the valid answers test nothing");
            }
        }
    }
}
