package cn.fulian.starter.problem;

/**
 * 503: something the request needs (Keycloak for user management, say) does not answer now; the client may retry after
 * {@link #RETRY_AFTER_SECONDS} seconds. The message names what is missing, never how it failed inside.
 */
public class UnavailableException extends RuntimeException {

    public static final int RETRY_AFTER_SECONDS = 10;

    public UnavailableException(String message) {
        super(message);
    }

    public UnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
