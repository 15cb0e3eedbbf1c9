package dev.driftwatch.remediation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The circuit breaker of each account (V15 {@code remediation_breaker}): open after
 * {@code driftwatch.remediation.breaker-failures} failures in a row, or when too many resources would get the
 * same action at once; it stays open until an admin resets it, and while it is open nothing is written there.
 */
@ApplicationScoped
public class Breakers {

    /** An account's breaker as the API shows it. */
    public record BreakerView(String account, int failuresInARow, boolean open, String reason, Instant changedAt) {}

    private final Clock clock;
    private final RemediationConfig config;

    Breakers(Clock clock, RemediationConfig config) {
        this.clock = clock;
        this.config = config;
    }

    @Transactional
    public boolean isOpen(String account) {
        return !em().createNativeQuery("select 1 from remediation_breaker where account = :account and open")
                .setParameter("account", account)
                .getResultList()
                .isEmpty();
    }

    /** A failed write or verification; opens the breaker at the configured count. */
    @Transactional
    public void failed(String account, String reason) {
        em().createNativeQuery("""
                        insert into remediation_breaker (account, failures_in_a_row, open, reason, changed_at)
                        values (:account, 1, :threshold <= 1, :reason, :now)
                        on conflict (account) do update set
                            failures_in_a_row = remediation_breaker.failures_in_a_row + 1,
                            open = remediation_breaker.open or remediation_breaker.failures_in_a_row + 1 >= :threshold,
                            reason = case when remediation_breaker.open then remediation_breaker.reason
                                else :reason end,
                            changed_at = :now""")
                .setParameter("account", account)
                .setParameter("threshold", config.breakerFailures())
                .setParameter("reason", "failures in a row, the last: " + reason)
                .setParameter("now", clock.instant())
                .executeUpdate();
    }

    @Transactional
    public void succeeded(String account) {
        em().createNativeQuery(
                        "update remediation_breaker set failures_in_a_row = 0 where account = :account and not open")
                .setParameter("account", account)
                .executeUpdate();
    }

    @Transactional
    public void open(String account, String reason) {
        em().createNativeQuery("""
                        insert into remediation_breaker (account, failures_in_a_row, open, reason, changed_at)
                        values (:account, 0, true, :reason, :now)
                        on conflict (account) do update set open = true, reason = :reason, changed_at = :now""")
                .setParameter("account", account)
                .setParameter("reason", reason)
                .setParameter("now", clock.instant())
                .executeUpdate();
    }

    /** @return whether the account's breaker was open */
    @Transactional
    public boolean reset(String account) {
        return em().createNativeQuery(
                                "update remediation_breaker set open = false, failures_in_a_row = 0, reason = null,"
                                        + " changed_at = :now where account = :account and open")
                        .setParameter("account", account)
                        .setParameter("now", clock.instant())
                        .executeUpdate()
                > 0;
    }

    @Transactional
    public List<BreakerView> all() {
        List<BreakerEntity> rows = BreakerEntity.listAll(io.quarkus.panache.common.Sort.by("account"));
        return rows.stream()
                .map(b -> new BreakerView(b.account, b.failuresInARow, b.open, b.reason, b.changedAt))
                .toList();
    }

    @Transactional
    Map<String, Boolean> openByAccount() {
        Map<String, Boolean> open = new LinkedHashMap<>();
        all().forEach(b -> open.put(b.account(), b.open()));
        return open;
    }

    /** Fetched when used: the one-shot check builds this bean without a database. */
    private static EntityManager em() {
        return RemediationEntity.getEntityManager();
    }
}
