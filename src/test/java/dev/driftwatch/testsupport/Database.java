package dev.driftwatch.testsupport;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

/** Clean slates between tests of the running service (Quartz's tables are left alone). */
public final class Database {

    private Database() {}

    /**
     * A clean slate for a test of the running service: moto emptied, no state files, driftwatch's tables
     * empty, and the test profile's policy directory there (a missing one makes every scan PARTIAL).
     */
    public static void cleanSlate() {
        Moto.reset();
        TerraformStates.clear();
        PolicyInService.ensureDirectory();
        clear(Arc.container().instance(EntityManager.class).get());
    }

    public static void clear(EntityManager em) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "truncate accepted_drift, finding, outbox_event, scan_run, resource_snapshot, iac_coverage, known_state,"
                                + " remediation, remediation_step, remediation_breaker, ticket_action, ticket, sweep_item, sweep, sweep_sighting")
                .executeUpdate());
    }
}
