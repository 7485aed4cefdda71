package cn.fulian.infra.process;

import java.time.Instant;
import java.util.Optional;

/**
 * What the launcher knows about one child process, as {@code ./platform status} shows it.
 *
 * @param pid the current process (0 before the first start)
 * @param restarts how often the launcher restarted it since {@code up}
 * @param lastUnexpectedExit the last time it exited without being asked to
 */
public record ChildStatus(State state, long pid, int restarts, Optional<Exit> lastUnexpectedExit) {

    public enum State {
        STARTING("starting"),
        UP("up"),
        RESTARTING("restarting"),
        GAVE_UP("gave up"),
        STOPPED("stopped");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** An exit nobody asked for: when, and the exit code (128 + signal number for a signal, e.g. 137 for kill -9). */
    public record Exit(Instant at, int code) {}

    public static ChildStatus starting(long pid) {
        return new ChildStatus(State.STARTING, pid, 0, Optional.empty());
    }

    public ChildStatus with(State newState) {
        return new ChildStatus(newState, pid, restarts, lastUnexpectedExit);
    }

    public ChildStatus withPid(long newPid) {
        return new ChildStatus(state, newPid, restarts, lastUnexpectedExit);
    }
}
