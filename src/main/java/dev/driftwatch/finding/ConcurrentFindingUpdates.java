package dev.driftwatch.finding;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.OptimisticLockException;
import java.util.function.Supplier;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;

/**
 * Runs a write of findings in a transaction of its own and, when another transaction changed one of those
 * findings since it was read (optimistic lock, {@link FindingEntity#rowVersion}), runs it again from a fresh
 * read: neither write is lost, and event versions follow each other.
 */
public final class ConcurrentFindingUpdates {

    private static final Logger LOG = Logger.getLogger(ConcurrentFindingUpdates.class);
    static final int ATTEMPTS = 5;

    private ConcurrentFindingUpdates() {}

    /** @param what names the write in the log, e.g. {@code scan 42} */
    public static <T> T inNewTransaction(String what, Supplier<T> write) {
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    T result = write.get();
                    Panache.getEntityManager().flush(); // a stale write fails here, not hidden in the commit
                    return result;
                });
            } catch (RuntimeException e) {
                if (!stale(e) || attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.infof(
                        "%s: a finding changed meanwhile; written again from a fresh read (%d of %d)",
                        what, attempt, ATTEMPTS);
            }
        }
    }

    static boolean stale(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }
}
