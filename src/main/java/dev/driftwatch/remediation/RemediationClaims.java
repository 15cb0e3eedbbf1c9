package dev.driftwatch.remediation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Which replica runs which remediation. A claim is a token of its own ({@code claimed_by}), so a replica whose
 * claim was taken over (it was thought gone) can no longer begin the write.
 */
@ApplicationScoped
public class RemediationClaims {

    /** A remediation claimed by this replica. {@code resumedWrite}: its write began under an earlier claim. */
    public record Claim(long id, String token, boolean resumedWrite) {}

    private final Clock clock;

    RemediationClaims(Clock clock) {
        this.clock = clock;
    }

    /**
     * Claims the oldest remediation that is ready, or whose claim is older than {@code timeout}. One whose write
     * had begun stays WRITING: it is only verified.
     */
    @Transactional
    public Optional<Claim> next(String instance, Duration timeout) {
        Instant now = clock.instant();
        String token = instance + "/" + UUID.randomUUID().toString().substring(0, 8);
        List<?> rows = em().createNativeQuery("""
                        with next as (
                            select id, status from remediation
                            where (status in ('PLANNED', 'APPROVED') and (not_before is null or not_before <= :now))
                               or (status in ('RUNNING', 'WRITING') and claimed_at < :stale)
                            order by id limit 1 for update skip locked)
                        update remediation r
                        set status = case when next.status = 'WRITING' then 'WRITING' else 'RUNNING' end,
                            claimed_by = :token, claimed_at = :now, not_before = null
                        from next where r.id = next.id
                        returning r.id, next.status""")
                .setParameter("now", now)
                .setParameter("stale", now.minus(timeout))
                .setParameter("token", token)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new Claim(((Number) row[0]).longValue(), token, "WRITING".equals(row[1])));
    }

    /** Fetched when used: the one-shot check builds this bean without a database. */
    private static EntityManager em() {
        return RemediationEntity.getEntityManager();
    }
}
