package dev.driftwatch.remediation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftwatch.outbox.Outbox;
import dev.driftwatch.remediation.RemediationEvent.Step;
import dev.driftwatch.remediation.action.PlannedCall;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every change of a remediation: its row, a step of its timeline and its event on the outbox commit together,
 * and each change names the status it leaves, so two replicas (or a replica and an approver) never both move it.
 */
@ApplicationScoped
public class Remediations {

    /** Remediations not begun yet: these a resolved finding cancels. */
    static final Set<RemediationStatus> NOT_STARTED =
            EnumSet.of(RemediationStatus.PLANNED, RemediationStatus.AWAITING_APPROVAL, RemediationStatus.APPROVED);

    /** Who acts when no person does: driftwatch's own decisions and the replicas' steps. */
    public static final String DRIFTWATCH = "driftwatch";

    private final ObjectMapper mapper;
    private final Outbox outbox;
    private final Clock clock;
    private final RemediationMetrics metrics;

    Remediations(ObjectMapper mapper, Outbox outbox, Clock clock, RemediationMetrics metrics) {
        this.mapper = mapper;
        this.outbox = outbox;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Records a new decision, unless one was already recorded for this finding version and requester, or another
     * remediation of the finding is in flight.
     *
     * @return the recorded remediation; empty when there already was one
     */
    @Transactional
    public Optional<RemediationEntity> record(NewRemediation decision) {
        Instant now = clock.instant();
        List<?> inserted = em().createNativeQuery("""
                        insert into remediation (fingerprint, finding_id, finding_version, account, region, resource_type,
                            resource_id, policy_id, action, parameters, mode, status, reason, requested_by,
                            approvals_required, dry_run, created_at, updated_at, expires_at, scan_seen_at)
                        values (:fingerprint, :findingId, :version, :account, :region, :type, :resourceId, :policyId,
                            :action, cast(:parameters as jsonb), :mode, :status, :reason, :requestedBy, :approvals,
                            :dryRun, :now, :now, :expiresAt, :scanSeenAt)
                        on conflict do nothing
                        returning id""")
                .setParameter("fingerprint", decision.fingerprint())
                .setParameter("findingId", decision.findingId())
                .setParameter("version", decision.findingVersion())
                .setParameter("account", decision.account())
                .setParameter("region", decision.region())
                .setParameter("type", decision.resourceType())
                .setParameter("resourceId", decision.resourceId())
                .setParameter("policyId", decision.policyId())
                .setParameter("action", decision.action())
                .setParameter("parameters", json(decision.parameters()))
                .setParameter("mode", decision.mode().name())
                .setParameter("status", decision.status().name())
                .setParameter("reason", decision.reason())
                .setParameter("requestedBy", decision.requestedBy())
                .setParameter("approvals", decision.approvalsRequired())
                .setParameter("dryRun", decision.dryRun())
                .setParameter("now", now)
                .setParameter("expiresAt", decision.expiresAt())
                .setParameter("scanSeenAt", decision.scanSeenAt())
                .getResultList();
        if (inserted.isEmpty()) {
            return Optional.empty();
        }
        RemediationEntity row = RemediationEntity.findById(((Number) inserted.get(0)).longValue());
        announce(row, stepOf(row.status), decision.requestedBy(), row.reason);
        return Optional.of(row);
    }

    /**
     * Moves a remediation from one of {@code from} to {@code to}.
     *
     * @return whether it moved (false: it was no longer in any of {@code from})
     */
    @Transactional
    public boolean move(
            long id, Collection<RemediationStatus> from, RemediationStatus to, Step step, String actor, String reason) {
        RemediationEntity row = em().find(RemediationEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (row == null || !from.contains(row.status)) {
            return false;
        }
        row.status = to;
        row.reason = reason;
        row.updatedAt = clock.instant();
        if (!to.inFlight()) {
            row.claimedBy = null;
            row.claimedAt = null;
        }
        announce(row, step, actor, reason);
        return true;
    }

    /** Dry-run: records the call that would have been made, if {@code claim} still holds the remediation. */
    @Transactional
    public void dryRun(long id, String claim, PlannedCall call) {
        RemediationEntity row = em().find(RemediationEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (row != null && row.status == RemediationStatus.RUNNING && claim.equals(row.claimedBy)) {
            row.plannedCall = call;
            row.status = RemediationStatus.DRY_RUN;
            row.claimedBy = null;
            row.claimedAt = null;
            row.updatedAt = clock.instant();
            announce(row, Step.DRY_RUN, DRIFTWATCH, call.operation());
        }
    }

    /** The remediations of a finding that have not begun to run are skipped (the finding resolved, was accepted). */
    @Transactional
    public void cancelInFlight(String fingerprint, String reason) {
        List<RemediationEntity> waiting =
                RemediationEntity.list("fingerprint = ?1 and status in ?2", fingerprint, NOT_STARTED);
        waiting.forEach(r -> move(r.id, NOT_STARTED, RemediationStatus.SKIPPED, Step.SKIPPED, DRIFTWATCH, reason));
    }

    /** Approvals waited for past their time expire. @return how many */
    @Transactional
    public int expireApprovals() {
        List<RemediationEntity> late = RemediationEntity.list(
                "status = ?1 and expiresAt < ?2", RemediationStatus.AWAITING_APPROVAL, clock.instant());
        late.forEach(r -> move(
                r.id,
                Set.of(RemediationStatus.AWAITING_APPROVAL),
                RemediationStatus.EXPIRED,
                Step.EXPIRED,
                DRIFTWATCH,
                "expired: not approved by " + r.expiresAt));
        return late.size();
    }

    /** The remediation as it is now (detached: read its fields, change it only through this class). */
    @Transactional
    public RemediationEntity load(long id) {
        return RemediationEntity.findById(id);
    }

    /** How many wait for approval, and since when the oldest has. */
    @Transactional
    public Waiting waiting() {
        // every poll: counted in the database, not loaded
        Object[] row = em().createQuery(
                        "select count(r), min(r.createdAt) from RemediationEntity r where r.status = :status",
                        Object[].class)
                .setParameter("status", RemediationStatus.AWAITING_APPROVAL)
                .getSingleResult();
        return new Waiting(((Number) row[0]).intValue(), (Instant) row[1]);
    }

    /** @param oldestSince {@code null} when none waits */
    public record Waiting(int count, Instant oldestSince) {}

    /** A step that does not change the status (an approval short of the number needed, applied). */
    @Transactional
    public void note(long id, Step step, String actor, String detail) {
        RemediationEntity row = em().find(RemediationEntity.class, id);
        announce(row, step, actor, detail);
    }

    /** Puts a claimed remediation back to wait until {@code notBefore} (a cap was reached, a read failed). */
    @Transactional
    public void release(long id, String claim, RemediationStatus back, Instant notBefore, String why) {
        RemediationEntity row = em().find(RemediationEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (row != null && row.status == RemediationStatus.RUNNING && claim.equals(row.claimedBy)) {
            row.status = back;
            row.claimedBy = null;
            row.claimedAt = null;
            row.notBefore = notBefore;
            row.reason = why;
            row.updatedAt = clock.instant();
        }
    }

    private String json(Map<String, Object> parameters) {
        try {
            return mapper.writeValueAsString(parameters);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("policy variables that are not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private void announce(RemediationEntity row, Step step, String actor, String detail) {
        RemediationStepEntity entry = new RemediationStepEntity();
        entry.remediationId = row.id;
        entry.at = clock.instant();
        entry.step = step.label();
        entry.actor = actor;
        entry.detail = detail == null || detail.length() <= 2048 ? detail : detail.substring(0, 2048);
        entry.persist();
        outbox.enqueue(new RemediationEvent(step, RemediationView.of(row)));
        metrics.stepped(row.action, step, row.reason);
    }

    static Step stepOf(RemediationStatus status) {
        return switch (status) {
            case PLANNED -> Step.PLANNED;
            case AWAITING_APPROVAL -> Step.AWAITING_APPROVAL;
            case APPROVED -> Step.APPROVED;
            case DRY_RUN -> Step.DRY_RUN;
            case VERIFIED -> Step.VERIFIED;
            case FAILED -> Step.FAILED;
            case REJECTED -> Step.REJECTED;
            case EXPIRED -> Step.EXPIRED;
            case SKIPPED, RUNNING, WRITING -> Step.SKIPPED;
        };
    }

    /** Fetched when used: the one-shot check builds this bean without a database. */
    private static EntityManager em() {
        return RemediationEntity.getEntityManager();
    }
}
