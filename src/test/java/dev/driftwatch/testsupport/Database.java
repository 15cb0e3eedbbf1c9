package dev.driftwatch.testsupport;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

/** Empties driftwatch's own tables between tests (Quartz's tables are left alone). */
public final class Database {

    private Database() {
    }

    public static void clear(EntityManager em) {
        QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("truncate accepted_drift, finding, outbox_event, scan_run, resource_snapshot, iac_coverage")
                .executeUpdate());
    }
}
