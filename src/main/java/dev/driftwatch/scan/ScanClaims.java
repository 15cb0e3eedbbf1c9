package dev.driftwatch.scan;

import dev.driftwatch.resource.ScanTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Scan work shared through PostgreSQL: a scan is queued once per target (a partial unique index allows one
 * QUEUED or RUNNING scan per account and region) and claimed by exactly one replica (QUEUED to RUNNING in one
 * statement, {@code skip locked}). Replicas' liveness is compared on the database's clock, which all of them
 * share, rather than on each machine's own.
 */
@ApplicationScoped
class ScanClaims {

    private static final String INSERT = "insert into scan_run (account, region, trigger_source, status, requested_at)"
            + " values (:account, :region, :trigger, 'QUEUED', :now)"
            + " on conflict (account, region) where status in ('QUEUED', 'RUNNING') do nothing returning id";
    private static final String ACTIVE = "select id from scan_run where account = :account and region = :region"
            + " and status in ('QUEUED', 'RUNNING')";
    private static final String CLAIM_NEXT = "update scan_run set status = 'RUNNING', scanned_by = :me, started_at = :now"
            + " where id = (select id from scan_run where status = 'QUEUED' order by id limit 1 for update skip locked)"
            + " returning id";
    private static final String CLAIM = "update scan_run set status = 'RUNNING', scanned_by = :me, started_at = :now"
            + " where id = :id and status = 'QUEUED'";
    private static final String HEARTBEAT = "insert into scan_replica (instance, seen_at) values (:me, now())"
            + " on conflict (instance) do update set seen_at = now()";
    private static final String FAIL = "update scan_run set status = 'FAILED', finished_at = :now,"
            + " problems = jsonb_build_array(jsonb_build_object('part', 'scan of ' || account || '/' || region,"
            + " 'reason', 'replica ' || coalesce(scanned_by, '(none)') || :why)) where status = 'RUNNING' and ";
    private static final String ORPHANED = FAIL + "not exists (select 1 from scan_replica r where r.instance = scan_run.scanned_by"
            + " and r.seen_at > now() - make_interval(secs => :timeout))";
    private static final String OWN = FAIL + "scanned_by = :me";


    /** The new scan's id, or empty when the target already has a QUEUED or RUNNING scan. */
    @Transactional
    Optional<Long> insertUnlessActive(ScanTarget target, String trigger) {
        return first(em().createNativeQuery(INSERT).setParameter("account", target.account()).setParameter("region", target.region())
                .setParameter("trigger", trigger).setParameter("now", Instant.now()).getResultList());
    }

    @Transactional
    Optional<Long> active(ScanTarget target) {
        return first(em().createNativeQuery(ACTIVE).setParameter("account", target.account())
                .setParameter("region", target.region()).getResultList());
    }

    /** Takes the oldest queued scan no other replica has taken, for this replica to run. */
    @Transactional
    Optional<Long> claimNext(String me) {
        return first(em().createNativeQuery(CLAIM_NEXT).setParameter("me", me).setParameter("now", Instant.now()).getResultList());
    }

    /** Takes this queued scan for this replica; false when it is not queued (any more). */
    @Transactional
    boolean claim(long scanId, String me) {
        return em().createNativeQuery(CLAIM).setParameter("me", me).setParameter("now", Instant.now())
                .setParameter("id", scanId).executeUpdate() == 1;
    }

    @Transactional
    void heartbeat(String me) {
        em().createNativeQuery(HEARTBEAT).setParameter("me", me).executeUpdate();
    }

    /** Fails the RUNNING scans of replicas not heard from within the timeout; returns how many. */
    @Transactional
    int failOrphans(Duration timeout) {
        return em().createNativeQuery(ORPHANED).setParameter("now", Instant.now())
                .setParameter("why", " stopped answering during the scan").setParameter("timeout", timeout.toMillis() / 1000.0)
                .executeUpdate();
    }

    /** At start: this replica runs nothing yet, so scans RUNNING under its name were cut short by its last stop. */
    @Transactional
    int failOwn(String me) {
        return em().createNativeQuery(OWN).setParameter("now", Instant.now()).setParameter("me", me)
                .setParameter("why", " stopped during the scan").executeUpdate();
    }

    private static EntityManager em() {
        return ScanRunEntity.getEntityManager();
    }

    private static Optional<Long> first(List<?> ids) {
        return ids.stream().findFirst().map(id -> ((Number) id).longValue());
    }
}
