package dev.driftwatch.outbox;

import java.util.Set;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Tells a send that Kafka refuses for good (sending it again gives the same answer) from one that may pass
 * (broker down, timeouts, leader elections). Anything not known to be permanent counts as passing, so an
 * outage can never park events.
 */
final class SendFailures {

    private static final Set<Class<? extends Throwable>> PERMANENT = Set.of(
            RecordTooLargeException.class,
            RecordBatchTooLargeException.class,
            InvalidRecordException.class,
            AuthorizationException.class,
            InvalidTopicException.class,
            SerializationException.class);
    private static final int LONGEST_ERROR = 2000;

    private SendFailures() {}

    static boolean permanent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<? extends Throwable> kind : PERMANENT) {
                if (kind.isInstance(t)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The innermost cause's class and message, cut short: what an operator reads on the dead event. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + ": " + root.getMessage();
        return text.length() <= LONGEST_ERROR ? text : text.substring(0, LONGEST_ERROR) + "...";
    }
}
