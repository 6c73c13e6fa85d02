package org.hessianscope.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hostile HTTP server on 127.0.0.1 for the downloader: it writes whatever status line,
 * headers and body a {@link Behaviour} says, byte by byte if need be, which a well-behaved
 * server library would not let a test do. Daemon threads; closing stops it.
 */
public final class HostileServer implements AutoCloseable {

    /** What to answer on one connection; {@code request} is the request's first line. */
    @FunctionalInterface
    public interface Behaviour {
        void respond(String request, OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket socket;
    private final Behaviour behaviour;
    final AtomicInteger connections = new AtomicInteger();
    final AtomicInteger bytesSent = new AtomicInteger();

    public HostileServer(Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::serve, "hostile-server");
        accept.setDaemon(true);
        accept.start();
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
    }

    private void serve() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                connections.incrementAndGet();
                Thread t = new Thread(() -> answer(s), "hostile-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void answer(Socket s) {
        try (s) {
            String request = readHead(s.getInputStream());
            OutputStream out = new CountingStream(s.getOutputStream());
            behaviour.respond(request, out);
            out.flush();
        } catch (IOException | InterruptedException e) {
            // the client hung up, as it should on a hostile answer
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            sb.append((char) c);
            if (sb.length() >= 4 && sb.substring(sb.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        int end = sb.indexOf("\r\n");
        return end < 0 ? sb.toString() : sb.substring(0, end);
    }

    public static void head(OutputStream out, String statusAndHeaders) throws IOException {
        out.write((statusAndHeaders.replace("\n", "\r\n") + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private final class CountingStream extends OutputStream {
        private final OutputStream out;

        CountingStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            bytesSent.incrementAndGet();
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            bytesSent.addAndGet(len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
