package cn.fulian.events;

/** A message that is not a valid event: retrying cannot help, so consumers send it to the dead-letter topic. */
public class UnreadableEventException extends RuntimeException {
    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
