package cn.fulian.starter.lease;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/** This process among the instances of its service: host, pid and a random tail (pids repeat across restarts). */
public final class InstanceId {

    private static final String CURRENT = host() + ":" + ProcessHandle.current().pid() + ":"
            + UUID.randomUUID().toString().substring(0, 8);

    private InstanceId() {}

    public static String current() {
        return CURRENT;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
