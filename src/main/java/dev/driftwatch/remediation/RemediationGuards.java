package dev.driftwatch.remediation;

import dev.driftwatch.remediation.action.Reading;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** The guards checked after the re-read and before any write. */
@ApplicationScoped
public class RemediationGuards {

    /** Every remediation that would still write: waiting for approval too (one approval script could pass them all). */
    private static final List<RemediationStatus> QUEUED = List.of(
            RemediationStatus.PLANNED,
            RemediationStatus.AWAITING_APPROVAL,
            RemediationStatus.APPROVED,
            RemediationStatus.RUNNING);

    private final RemediationConfig config;
    private final Breakers breakers;

    RemediationGuards(RemediationConfig config, Breakers breakers) {
        this.config = config;
        this.breakers = breakers;
    }

    /** @return why the remediation must not write, as a skip reason; empty when it may */
    @Transactional
    public Optional<String> refusal(RemediationEntity r, Reading reading) {
        if (config.optOutTagValue().equals(reading.tags().get(config.optOutTagKey()))) {
            return Optional.of(
                    SkipReason.OPT_OUT.because("tagged " + config.optOutTagKey() + "=" + config.optOutTagValue()));
        }
        if (!config.writesIn(r.account)) {
            return Optional.of(SkipReason.REPORT_ONLY.because(
                    "account " + r.account + " is not listed in driftwatch.remediation.accounts"));
        }
        if (breakers.isOpen(r.account)) {
            return Optional.of(SkipReason.BREAKER_OPEN.because(
                    "the circuit breaker of account " + r.account + " is open until an admin resets it"));
        }
        long alike =
                RemediationEntity.count("account = ?1 and action = ?2 and status in ?3", r.account, r.action, QUEUED);
        if (alike > config.breakerBlastRadius()) {
            String reason = alike + " resources of account " + r.account + " were to get " + r.action
                    + " at once (more than driftwatch.remediation.breaker-blast-radius = "
                    + config.breakerBlastRadius() + ")";
            breakers.open(r.account, reason);
            return Optional.of(SkipReason.BREAKER_OPEN.because(reason));
        }
        return Optional.empty();
    }
}
