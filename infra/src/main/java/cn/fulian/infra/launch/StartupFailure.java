package cn.fulian.infra.launch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Why {@code up} gave up, naming the component and the log that tells more. */
final class StartupFailure extends Exception {

    private final String label;
    private final transient Path log;

    StartupFailure(String label, String reason, Path log) {
        super(reason);
        this.label = label;
        this.log = log;
    }

    static StartupFailure exited(String label, int exitCode, Path log) {
        return new StartupFailure(label, "exited during start (exit code " + exitCode + ")", log);
    }

    static StartupFailure notReady(String label, Duration timeout, Path log) {
        return new StartupFailure(label, "not ready after " + timeout.toSeconds() + " s", log);
    }

    String label() {
        return label;
    }

    Optional<Path> log() {
        return Optional.ofNullable(log);
    }
}
