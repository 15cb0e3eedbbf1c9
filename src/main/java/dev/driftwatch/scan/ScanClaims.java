package dev.driftwatch.scan;

import dev.driftwatch.resource.ScanTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Scan work shared through PostgreSQL: a scan is queued once per target (a partial unique index allows one
 * QUEUED or RUNNING scan per account and region) and claimed by exactly one replica (QUEUED to RUNNING in one
 * statement, {@code skip locked}); a scan of a replica gone is queued again for another one. Request and run
 * times are the service's {@link Clock}. Replicas' liveness is compared on the database's clock, which all of them
 * share, rather than on each machine's own.
 */
@ApplicationScoped
class ScanClaims {

    private static final String INSERT = "insert into scan_run (account, region, trigger_source, status, requested_at)"
            + " values (:account, :region, :trigger, 'QUEUED', :now)"
            + " on conflict (account, region) where status in ('QUEUED', 'RUNNING') do nothing returning id";
    private static final String ACTIVE = "select id from scan_run where account = :account and region = :region"
            + " and status in ('QUEUED', 'RUNNING')";
    private static final String CLAIM_NEXT =
            "update scan_run set status = 'RUNNING', scanned_by = :me, started_at = :now"
                    + " where id = (select id from scan_run where status = 'QUEUED' order by id limit 1 for update skip locked)"
                    + " returning id";
    private static final String CLAIM = "update scan_run set status = 'RUNNING', scanned_by = :me, started_at = :now"
            + " where id = :id and status = 'QUEUED'";
    private static final String HEARTBEAT = "insert into scan_replica (instance, seen_at) values (:me, now())"
            + " on conflict (instance) do update set seen_at = now()";
    // Ends the RUNNING scans the condition picks: FAILED with the reason, and (below the attempt limit) a new
    // QUEUED scan of the target that points at the failed one, for any replica to take over. A request queued
    // meanwhile for the target already covers it (the one-active index): then no retry is added. That retries ran
    // out is said only where retries were configured.
    private static final String TAKE_OVER = "with failed as (update scan_run set status = 'FAILED', finished_at = :now,"
            + " problems = jsonb_build_array(jsonb_build_object('part', 'scan of ' || account || '/' || region,"
            + " 'reason', 'replica ' || coalesce(scanned_by, '(none)') || :why))"
            + " || case when attempt >= :max and :max > 1 then jsonb_build_array(jsonb_build_object("
            + "'part', 'scan retries', 'reason', 'not retried: ' || attempt || ' of ' || :max"
            + " || ' attempts made (driftwatch.scan.max-attempts)'))"
            + " else '[]'::jsonb end"
            + " where status = 'RUNNING' and %s returning id, account, region, trigger_source, attempt),"
            + " retried as (insert into scan_run"
            + " (account, region, trigger_source, status, requested_at, attempt, retry_of)"
            + " select account, region, trigger_source, 'QUEUED', :now, attempt + 1, id"
            + " from failed where attempt < :max"
            + " on conflict (account, region) where status in ('QUEUED', 'RUNNING') do nothing returning id)"
            + " select (select count(*) from failed), (select count(*) from retried)";
    // Liveness is on the database's clock (now()): the one clock every replica shares, unlike each one's own.
    private static final String ORPHANED = TAKE_OVER.formatted("not exists (select 1 from scan_replica r"
            + " where r.instance = scan_run.scanned_by and r.seen_at > now() - make_interval(secs => :timeout))");
    private static final String OWN = TAKE_OVER.formatted("scanned_by = :me");

    /** Scans ended for a replica gone (or restarted), and how many of them were queued again. */
    record TakenOver(int failed, int requeued) {}

    private final Clock clock;
    private final ScanConfig config;

    ScanClaims(Clock clock, ScanConfig config) {
        this.clock = clock;
        this.config = config;
    }

    /** The new scan's id, or empty when the target already has a QUEUED or RUNNING scan. */
    @Transactional
    Optional<Long> insertUnlessActive(ScanTarget target, String trigger) {
        return first(em().createNativeQuery(INSERT)
                .setParameter("account", target.account())
                .setParameter("region", target.region())
                .setParameter("trigger", trigger)
                .setParameter("now", clock.instant())
                .getResultList());
    }

    @Transactional
    Optional<Long> active(ScanTarget target) {
        return first(em().createNativeQuery(ACTIVE)
                .setParameter("account", target.account())
                .setParameter("region", target.region())
                .getResultList());
    }

    /** Takes the oldest queued scan no other replica has taken, for this replica to run. */
    @Transactional
    Optional<Long> claimNext(String me) {
        return first(em().createNativeQuery(CLAIM_NEXT)
                .setParameter("me", me)
                .setParameter("now", clock.instant())
                .getResultList());
    }

    /** Takes this queued scan for this replica; false when it is not queued (any more). */
    @Transactional
    boolean claim(long scanId, String me) {
        return em().createNativeQuery(CLAIM)
                        .setParameter("me", me)
                        .setParameter("now", clock.instant())
                        .setParameter("id", scanId)
                        .executeUpdate()
                == 1;
    }

    @Transactional
    void heartbeat(String me) {
        em().createNativeQuery(HEARTBEAT).setParameter("me", me).executeUpdate();
    }

    /**
     * Fails the RUNNING scans of replicas not heard from within the timeout and queues each again for another
     * replica, up to {@code driftwatch.scan.max-attempts}.
     */
    @Transactional
    TakenOver takeOverOrphans(Duration timeout) {
        return takeOver(em().createNativeQuery(ORPHANED)
                .setParameter("why", " stopped answering during the scan")
                .setParameter("timeout", timeout.toMillis() / 1000.0));
    }

    /**
     * At start: this replica runs nothing yet, so scans RUNNING under its name were cut short by its last stop;
     * they are failed and queued again like an orphan's.
     */
    @Transactional
    TakenOver takeOverOwn(String me) {
        return takeOver(
                em().createNativeQuery(OWN).setParameter("me", me).setParameter("why", " stopped during the scan"));
    }

    private TakenOver takeOver(Query query) {
        Object[] counts = (Object[]) query.setParameter("now", clock.instant())
                .setParameter("max", config.maxAttempts())
                .getSingleResult();
        return new TakenOver(((Number) counts[0]).intValue(), ((Number) counts[1]).intValue());
    }

    private static EntityManager em() {
        return ScanRunEntity.getEntityManager();
    }

    private static Optional<Long> first(List<?> ids) {
        return ids.stream().findFirst().map(id -> ((Number) id).longValue());
    }
}
