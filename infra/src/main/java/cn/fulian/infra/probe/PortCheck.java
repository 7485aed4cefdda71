package cn.fulian.infra.probe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks every port before anything starts: failing early with the port's name beats a half-started platform whose
 * Keycloak or service dies later with a bind error buried in its log.
 */
public final class PortCheck {

    private PortCheck() {}

    /** The needs whose port cannot be bound on {@code host} right now. */
    public static List<PortNeed> inUse(String host, List<PortNeed> needs) {
        List<PortNeed> busy = new ArrayList<>();
        for (PortNeed need : needs) {
            if (!isFree(host, need.port())) {
                busy.add(need);
            }
        }
        return busy;
    }

    /** Messages for ports configured twice, e.g. {@code GATEWAY_PORT=8081} next to the planning service's 8081. */
    public static List<String> duplicates(List<PortNeed> needs) {
        Map<Integer, PortNeed> seen = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (PortNeed need : needs) {
            PortNeed earlier = seen.putIfAbsent(need.port(), need);
            if (earlier != null) {
                problems.add("Port " + need.port() + " is configured for both " + earlier.owner() + " ("
                        + earlier.variable() + ") and " + need.owner() + " (" + need.variable() + ").");
            }
        }
        return problems;
    }

    /**
     * Binding is the test the components themselves will face. SO_REUSEADDR as they use it: a port left in TIME_WAIT by
     * the previous run is free, a port someone listens on (on any address) is not.
     */
    static boolean isFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
