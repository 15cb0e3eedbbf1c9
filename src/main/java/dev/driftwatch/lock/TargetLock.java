package dev.driftwatch.lock;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * One holder of a target (an account and region) at a time across every replica, whatever it does there
 * (scan, remediation, sweep). Waiting is a PostgreSQL session advisory lock on a connection of its own,
 * released by the database when the holder dies. That lock alone is not enough: if its connection drops
 * (PostgreSQL restart, {@code pg_terminate_backend}) it is gone while the holder goes on. So each holder
 * also gets a fencing generation in {@code target_lease}, and every write transaction of the holder calls
 * {@link #verify}: it row-locks the lease, so a new holder cannot take the target until that transaction
 * ends, and fails with {@link LostTargetLock} once a new holder has.
 */
@ApplicationScoped
public class TargetLock {

    private static final Logger LOG = Logger.getLogger(TargetLock.class);
    /** Namespace of driftwatch's advisory locks (first key of the two-key form). */
    static final int NAMESPACE = 0x44575343;

    private static final int LOCK_ATTEMPTS = 3;
    // acquired_at on the database's clock: the one clock every replica taking the lock shares
    private static final String TAKE = """
            insert into target_lease (target, generation, purpose, holder, acquired_at) values (?, 1, ?, ?, now())
            on conflict (target) do update set generation = target_lease.generation + 1, purpose = excluded.purpose,
                holder = excluded.holder, acquired_at = excluded.acquired_at
            returning generation""";

    private final AgroalDataSource dataSource;

    TargetLock(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs the work while holding the target, waiting for another holder (of any purpose) to finish first.
     *
     * @param holder the replica taking it, as its records name it
     */
    public <T> T whileHolding(String target, LockPurpose purpose, String holder, Function<TargetLease, T> work) {
        try (Connection connection = locked(target)) {
            try {
                return work.apply(take(connection, target, purpose, holder));
            } finally {
                release(connection, target);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take the target lock of " + target + ": " + e.getMessage(), e);
        }
    }

    /** A connection holding the target's advisory lock; a pooled connection gone stale (PostgreSQL restarted) is retried. */
    private Connection locked(String target) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            Connection connection = dataSource.getConnection();
            try {
                connection.setAutoCommit(true);
                advisory(connection, "select pg_advisory_lock(?, hashtext(?))", target);
                return connection;
            } catch (SQLException e) {
                connection.close();
                if (attempt == LOCK_ATTEMPTS) {
                    throw e;
                }
                LOG.infof("Taking the target lock of %s failed, trying another connection: %s", target, e.getMessage());
            }
        }
    }

    /**
     * Inside the caller's write transaction: fails unless the lease is still the target's current one, and
     * keeps it current until that transaction ends.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void verify(TargetLease lease) {
        List<?> generations = Panache.getEntityManager()
                .createNativeQuery("select generation from target_lease where target = ?1 for update")
                .setParameter(1, lease.target())
                .getResultList();
        long current = generations.isEmpty() ? 0 : ((Number) generations.get(0)).longValue();
        if (current != lease.generation()) {
            throw new LostTargetLock(lease, current == 0 ? "no lease" : "generation " + current);
        }
    }

    /**
     * Ends a lease from outside its holder (e.g. a replica stopping): raises the generation, so the holder's
     * later writes fail, in the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void revoke(TargetLease lease) {
        Panache.getEntityManager()
                .createNativeQuery("update target_lease set generation = generation + 1 where target = ?1"
                        + " and generation = ?2")
                .setParameter(1, lease.target())
                .setParameter(2, lease.generation())
                .executeUpdate();
    }

    private static TargetLease take(Connection connection, String target, LockPurpose purpose, String holder)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(TAKE)) {
            statement.setString(1, target);
            statement.setString(2, purpose.recorded());
            statement.setString(3, holder);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return new TargetLease(target, purpose, holder, result.getLong(1));
            }
        }
    }

    /** A lock whose connection is gone is released already; the fence has kept the writes safe meanwhile. */
    private static void release(Connection connection, String target) {
        try {
            advisory(connection, "select pg_advisory_unlock(?, hashtext(?))", target);
        } catch (SQLException e) {
            LOG.warnf("The target lock of %s was lost with its connection before release: %s", target, e.getMessage());
        }
    }

    private static void advisory(Connection connection, String sql, String target) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, NAMESPACE);
            statement.setString(2, target);
            statement.execute();
        }
    }
}
