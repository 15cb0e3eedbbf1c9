package dev.driftwatch.remediation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;

/**
 * At most {@code max-auto-fixes-per-account-per-scan} automatic fixes start from one scan of an account; past it a
 * fix is not dropped but waits for an approver. Counted under a lock per account, so two replicas deciding at once
 * cannot both take the last place.
 */
@ApplicationScoped
class ScanCap {

    private final RemediationConfig config;
    private final Clock clock;

    ScanCap(RemediationConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Call in the transaction that records the decision. */
    NewRemediation apply(NewRemediation decided) {
        if (decided.status() != RemediationStatus.PLANNED || decided.scanSeenAt() == null) {
            return decided;
        }
        EntityManager em = RemediationEntity.getEntityManager();
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(:key))")
                .setParameter("key", "remediation-scan:" + decided.account())
                .getSingleResult();
        long started = RemediationEntity.count(
                "account = ?1 and scanSeenAt = ?2 and mode = ?3 and status <> ?4",
                decided.account(),
                decided.scanSeenAt(),
                RemediationMode.AUTO,
                RemediationStatus.SKIPPED);
        int cap = config.maxAutoFixesPerAccountPerScan();
        if (started < cap) {
            return decided;
        }
        return decided.awaitingApproval(
                "capped: " + started + " automatic fixes already started from this scan of account "
                        + decided.account() + " (max-auto-fixes-per-account-per-scan " + cap
                        + "); this one waits for an approver",
                config.approvalsRequired(),
                clock.instant().plus(config.approvalTimeout()));
    }
}
