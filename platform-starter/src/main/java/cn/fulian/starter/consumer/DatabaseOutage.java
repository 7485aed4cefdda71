package cn.fulian.starter.consumer;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * A consumer failure because the database is out of reach is not the event's fault: the event waits and is tried again
 * until the database answers, instead of going to the dead-letter topic after a few quick attempts.
 */
public final class DatabaseOutage {

    /** Every two seconds, for as long as the outage lasts. */
    public static final BackOff UNTIL_THE_DATABASE_ANSWERS = new FixedBackOff(2_000L, FixedBackOff.UNLIMITED_ATTEMPTS);

    private DatabaseOutage() {}

    /** Whether the failure, or anything that caused it, is the database being unreachable or not answering. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof MongoSocketException
                    || cause instanceof MongoTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
