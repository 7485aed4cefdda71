package cn.fulian.infra.front;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small TCP front: each connection accepted on the public gateway port goes to the next gateway in turn, and its
 * bytes are copied both ways until either side closes. A gateway that refuses the connection (stopped, restarting) is
 * skipped for that connection. Being TCP, it leaves HTTP alone: the {@code Host} a browser sent reaches the gateway
 * unchanged (so login redirects name the public address), event streams stay open, and a browser's keep-alive
 * connection stays with one gateway — which is why the gateways share their sessions.
 */
public final class RoundRobinFront implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RoundRobinFront.class);
    private static final int CONNECT_TIMEOUT_MS = 2_000;

    private final ServerSocket server;
    private final List<InetSocketAddress> gateways;
    private final AtomicLong next = new AtomicLong();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "gateway-front");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean open = true;

    private RoundRobinFront(ServerSocket server, List<InetSocketAddress> gateways) {
        this.server = server;
        this.gateways = List.copyOf(gateways);
    }

    /** Listens on {@code host:port} and starts accepting. */
    public static RoundRobinFront start(String host, int port, List<InetSocketAddress> gateways) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getByName(host), port), 512);
        RoundRobinFront front = new RoundRobinFront(server, gateways);
        front.threads.execute(front::accept);
        return front;
    }

    /** The port it listens on. */
    public int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (open) {
            try {
                Socket client = server.accept();
                threads.execute(() -> relay(client));
            } catch (IOException e) {
                if (open) {
                    log.warn("gateway front: accept failed: {}", e.toString());
                }
            }
        }
    }

    private void relay(Socket client) {
        Socket gateway = connect();
        if (gateway == null) {
            log.warn("gateway front: no gateway accepted a connection");
            closeQuietly(client);
            return;
        }
        try {
            client.setTcpNoDelay(true);
            gateway.setTcpNoDelay(true);
            AtomicInteger directionsLeft = new AtomicInteger(2);
            threads.execute(() -> copy(gateway, client, directionsLeft));
            copy(client, gateway, directionsLeft);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(gateway);
        }
    }

    /** The next gateway in turn that accepts, trying each at most once. */
    private Socket connect() {
        long first = next.getAndIncrement();
        for (int i = 0; i < gateways.size(); i++) {
            InetSocketAddress address = gateways.get((int) ((first + i) % gateways.size()));
            Socket socket = new Socket();
            try {
                socket.connect(address, CONNECT_TIMEOUT_MS);
                return socket;
            } catch (IOException refused) {
                closeQuietly(socket);
            }
        }
        return null;
    }

    /**
     * Copies until {@code from} ends, then half-closes {@code to} so the other direction can finish; the last direction
     * to end closes both sockets, and a failure in either closes both at once.
     */
    private static void copy(Socket from, Socket to, AtomicInteger directionsLeft) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
            if (directionsLeft.decrementAndGet() == 0) {
                closeQuietly(from);
                closeQuietly(to);
            }
        } catch (IOException e) {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public void close() throws IOException {
        open = false;
        server.close();
        threads.shutdownNow();
    }
}
