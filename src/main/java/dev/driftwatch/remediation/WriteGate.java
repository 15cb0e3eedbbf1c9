package dev.driftwatch.remediation;

import dev.driftwatch.remediation.action.PlannedCall;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The last step before a write: the remediation moves to WRITING (committed, so the write is never made twice)
 * unless another replica took it over or the account's hourly cap of writes is reached.
 */
@ApplicationScoped
public class WriteGate {

    private final Clock clock;

    WriteGate(Clock clock) {
        this.clock = clock;
    }

    /** What {@link #begin} found. */
    public enum WriteStart {
        /** WRITING is committed: the write may be made, once. */
        BEGUN,
        /** The account's hourly cap is reached: it waits (PLANNED or APPROVED again) until a write leaves the hour. */
        CAPPED,
        /** Another replica took the claim over: this one must not write. */
        CLAIM_LOST
    }

    /**
     * Moves a claimed remediation to WRITING with the call it is about to make, unless the account's hourly cap is
     * reached. One account's writes begin one at a time (a transaction lock per account), so replicas together
     * stay within the cap.
     */
    @Transactional
    public WriteStart begin(long id, String claim, PlannedCall call, int capPerHour) {
        RemediationEntity row = em().find(RemediationEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (row == null || row.status != RemediationStatus.RUNNING || !claim.equals(row.claimedBy)) {
            return WriteStart.CLAIM_LOST;
        }
        em().createNativeQuery("select pg_advisory_xact_lock(hashtext(:account))")
                .setParameter("account", "remediation-writes:" + row.account)
                .getSingleResult();
        Instant now = clock.instant();
        List<RemediationEntity> lastHour = RemediationEntity.list(
                "account = ?1 and writtenAt > ?2 order by writtenAt", row.account, now.minus(Duration.ofHours(1)));
        if (lastHour.size() >= capPerHour) {
            row.status = row.mode == RemediationMode.AUTO ? RemediationStatus.PLANNED : RemediationStatus.APPROVED;
            row.claimedBy = null;
            row.claimedAt = null;
            row.notBefore = lastHour.get(0).writtenAt.plus(Duration.ofHours(1));
            row.reason = "capped: " + capPerHour + " writes in the last hour in account " + row.account
                    + "; waits until " + row.notBefore;
            row.updatedAt = now;
            return WriteStart.CAPPED;
        }
        row.status = RemediationStatus.WRITING;
        row.plannedCall = call;
        row.writtenAt = now;
        row.reason = null;
        row.updatedAt = now;
        return WriteStart.BEGUN;
    }

    /** Fetched when used: the one-shot check builds this bean without a database. */
    private static EntityManager em() {
        return RemediationEntity.getEntityManager();
    }
}
