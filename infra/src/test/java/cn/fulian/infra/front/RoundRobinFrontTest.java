package cn.fulian.infra.front;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Connections through the front, to two small servers that answer with their own name. */
class RoundRobinFrontTest {

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    @Test
    void connectionsGoToEachGatewayInTurnAndBytesFlowBothWays() throws Exception {
        InetSocketAddress a = echo("A");
        InetSocketAddress b = echo("B");
        RoundRobinFront front = RoundRobinFront.start("127.0.0.1", freePort(), List.of(a, b));
        open.add(front);
        int port = front.port();

        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(ask(port, "hello " + i));
        }

        assertThat(answers).containsExactly("A:hello 0", "B:hello 1", "A:hello 2", "B:hello 3");
    }

    @Test
    void aGatewayThatRefusesIsSkipped() throws Exception {
        InetSocketAddress a = echo("A");
        InetSocketAddress stopped = new InetSocketAddress("127.0.0.1", freePort());
        RoundRobinFront front = RoundRobinFront.start("127.0.0.1", freePort(), List.of(stopped, a));
        open.add(front);

        assertThat(ask(front.port(), "x")).isEqualTo("A:x");
        assertThat(ask(front.port(), "y")).isEqualTo("A:y");
    }

    private String ask(int port, String line) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
            s.shutdownOutput();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }

    /** A server that answers each connection with its name and what it read, then closes. */
    private InetSocketAddress echo(String name) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"));
        open.add(server);
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    InputStream in = s.getInputStream();
                    String read = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
                    OutputStream out = s.getOutputStream();
                    out.write((name + ":" + read).getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return new InetSocketAddress("127.0.0.1", server.getLocalPort());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
