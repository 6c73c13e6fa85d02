package org.hessianscope.data;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A dataset mirror on 127.0.0.1 for the downloader tests: serves byte arrays by path,
 * honours or ignores Range requests, and can drop the connection part way through a file.
 */
public final class FakeMirror implements AutoCloseable {
    /** One request as the server saw it: path and Range header (null when none). */
    public record Request(String path, String range) {
    }

    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, Integer> dropAfter = new ConcurrentHashMap<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();
    volatile boolean honourRange = true;

    public FakeMirror() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    public void put(String path, byte[] bytes) {
        files.put(path, bytes.clone());
    }

    /** The next response for {@code path} sends only {@code bytes} bytes of its body, then closes the connection. */
    public void dropOnce(String path, int bytes) {
        dropAfter.put(path, bytes);
    }

    long requestsFor(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).count();
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String range = ex.getRequestHeaders().getFirst("Range");
        requests.add(new Request(path, range));
        byte[] file = files.get(path);
        if (file == null) {
            ex.sendResponseHeaders(404, -1);
            ex.close();
            return;
        }
        int status = 200;
        byte[] body = file;
        if (range != null && honourRange) {
            int start = Integer.parseInt(range.substring("bytes=".length(), range.indexOf('-')));
            if (start >= file.length) {
                ex.getResponseHeaders().add("Content-Range", "bytes */" + file.length);
                ex.sendResponseHeaders(416, -1);
                ex.close();
                return;
            }
            status = 206;
            body = Arrays.copyOfRange(file, start, file.length);
            ex.getResponseHeaders().add("Content-Range", "bytes " + start + "-" + (file.length - 1) + "/" + file.length);
        }
        ex.sendResponseHeaders(status, body.length);
        Integer drop = dropAfter.remove(path);
        OutputStream out = ex.getResponseBody();
        if (drop != null) {
            out.write(body, 0, drop);
            out.flush();
            // Closing with fewer bytes than announced makes the server abort the connection.
            ex.close();
            return;
        }
        out.write(body);
        out.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
