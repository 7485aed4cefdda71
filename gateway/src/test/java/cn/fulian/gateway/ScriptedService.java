package cn.fulian.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A service on a bare socket, so a test can make it fail the ways a dying service does. What it does with a request
 * depends on how the path ends: {@code /reset} resets the connection without answering, {@code /reset-once} does so
 * the first time only, {@code /hang} never answers, {@code /fail} answers 500, {@code /missing} 404; anything else
 * answers 200 with {@code backend:<path>}. It counts the requests it received per method and path.
 */
final class ScriptedService implements AutoCloseable {

    private final ServerSocket server;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    ScriptedService() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        threads.submit(this::accept);
    }

    /** A port nothing listens on: connecting to it is refused, like a service that was stopped. */
    static int closedPort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    int hits(String method, String path) {
        AtomicInteger n = hits.get(method + " " + path);
        return n == null ? 0 : n.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : held) {
            s.close();
        }
        threads.shutdownNow();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                threads.submit(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            String[] requestLine = head.substring(0, head.indexOf("\r\n")).split(" ");
            String method = requestLine[0];
            String path = requestLine[1].split("\\?")[0];
            in.readNBytes(contentLength(head));
            int n = hits.computeIfAbsent(method + " " + path, k -> new AtomicInteger())
                    .incrementAndGet();

            if (path.endsWith("/hang")) {
                held.add(socket);
                return;
            }
            if (path.endsWith("/reset") || (path.endsWith("/reset-once") && n == 1)) {
                socket.setSoLinger(true, 0); // closing now sends RST, not FIN
                socket.close();
                return;
            }
            int status = path.endsWith("/fail") ? 500 : path.endsWith("/missing") ? 404 : 200;
            byte[] body = ("backend:" + path).getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: text/plain\r\nContent-Length: " + body.length
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            socket.close();
        } catch (IOException | RuntimeException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed in the request head");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("content-length")) {
                return Integer.parseInt(line.substring(colon + 1).trim());
            }
        }
        return 0;
    }
}
