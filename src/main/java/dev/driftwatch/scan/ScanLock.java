package dev.driftwatch.scan;

import dev.driftwatch.resource.ScanTarget;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * One scan of an (account, region) at a time across every replica: a PostgreSQL session advisory lock,
 * held on its own connection for the length of the scan. It waits for a scan in progress elsewhere and
 * is released by the database if the replica holding it dies.
 */
@ApplicationScoped
public class ScanLock {

    /** Namespace of driftwatch's advisory locks (first key of the two-key form). */
    private static final int SCANS = 0x44575343;

    private final AgroalDataSource dataSource;

    ScanLock(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs the scan while holding the target's lock, waiting for it if needed. */
    public void whileHolding(ScanTarget target, Runnable scan) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            lock(connection, "select pg_advisory_lock(?, hashtext(?))", target);
            try {
                scan.run();
            } finally {
                lock(connection, "select pg_advisory_unlock(?, hashtext(?))", target);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take the scan lock of " + target, e);
        }
    }

    private static void lock(Connection connection, String sql, ScanTarget target) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, SCANS);
            statement.setString(2, target.toString());
            statement.execute();
        }
    }
}
