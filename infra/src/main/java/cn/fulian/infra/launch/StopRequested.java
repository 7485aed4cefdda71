package cn.fulian.infra.launch;

/** The platform is being stopped (Ctrl-C during start): starting more would only race the shutdown hook. */
final class StopRequested extends RuntimeException {

    StopRequested() {
        super("the platform is stopping", null, false, false);
    }
}
