package dev.driftwatch.remediation;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.aws.AwsSessions;
import dev.driftwatch.aws.NoRoleException;
import dev.driftwatch.aws.Purpose;
import dev.driftwatch.inventory.ReadFailures;
import dev.driftwatch.remediation.RemediationClaims.Claim;
import dev.driftwatch.remediation.RemediationEvent.Step;
import dev.driftwatch.remediation.action.Fix;
import dev.driftwatch.remediation.action.Reading;
import dev.driftwatch.remediation.action.RemediationAction;
import dev.driftwatch.remediation.action.RemediationActions;
import dev.driftwatch.remediation.action.Target;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Runs one claimed remediation, every time in this order: re-read and re-check (stale: skipped), guards (opt-out
 * tag, report-only account, breaker, blast radius, hourly cap), dry-run (the call recorded, not made), the
 * write (WRITING committed first, so it is never made twice), then a read that verifies it.
 */
@ApplicationScoped
public class RemediationRun {

    private static final Logger LOG = Logger.getLogger(RemediationRun.class);
    private static final Set<RemediationStatus> RUNNING = Set.of(RemediationStatus.RUNNING);
    private static final Set<RemediationStatus> WRITING = Set.of(RemediationStatus.WRITING);

    private final Remediations remediations;
    private final WriteGate writeGate;
    private final RemediationActions actions;
    private final AwsSessions sessions;
    private final RemediationGuards guards;
    private final Breakers breakers;
    private final RemediationConfig config;
    private final Clock clock;

    RemediationRun(
            Remediations remediations,
            WriteGate writeGate,
            RemediationActions actions,
            AwsSessions sessions,
            RemediationGuards guards,
            Breakers breakers,
            RemediationConfig config,
            Clock clock) {
        this.remediations = remediations;
        this.writeGate = writeGate;
        this.actions = actions;
        this.sessions = sessions;
        this.guards = guards;
        this.breakers = breakers;
        this.config = config;
        this.clock = clock;
    }

    public void run(Claim claim) {
        RemediationEntity r = remediations.load(claim.id());
        Optional<RemediationAction> action = actions.named(r.action);
        if (action.isEmpty()) {
            skip(r, SkipReason.NO_ACTION.because("driftwatch has no action named '" + r.action + "'"));
            return;
        }
        AwsSession session;
        try {
            session = sessions.session(r.account, Purpose.REMEDIATE, r.region);
        } catch (NoRoleException e) {
            skip(r, SkipReason.NO_ROLE.because(e.getMessage()));
            return;
        }
        Target target = new Target(r.resourceId, r.parameters == null ? Map.of() : r.parameters);
        if (claim.resumedWrite()) {
            verify(r, action.get(), session, target, "its write began under an earlier claim and is not made again");
            return;
        }
        Reading reading;
        try {
            reading = action.get().read(session, target);
        } catch (SdkException e) {
            // unknown is not "fixed": try again later, and say so
            remediations.release(
                    r.id,
                    claim.token(),
                    backTo(r),
                    clock.instant().plus(config.pollInterval().multipliedBy(6)),
                    "unreadable: " + ReadFailures.describe(e));
            LOG.warnf(
                    "Remediation %d: %s %s could not be re-read, trying later: %s",
                    r.id, r.resourceType, r.resourceId, ReadFailures.describe(e));
            return;
        }
        if (!reading.exists()) {
            skip(r, SkipReason.GONE.because(r.resourceType + " " + r.resourceId + " no longer exists"));
            return;
        }
        if (reading.moved()) {
            skip(
                    r,
                    reading.unfit()
                            .map(SkipReason.NO_ACTION::because)
                            .orElse(SkipReason.STALE.because(
                                    "the resource changed again since the finding; a new finding follows")));
            return;
        }
        if (reading.fix().isEmpty()) {
            skip(r, SkipReason.STALE.because("the re-read shows nothing left to fix"));
            return;
        }
        Optional<String> refused = guards.refusal(r, reading);
        if (refused.isPresent()) {
            skip(r, refused.get());
            return;
        }
        Fix fix = reading.fix().get();
        if (config.dryRun() || r.dryRun) {
            remediations.dryRun(r.id, claim.token(), fix.call());
            return;
        }
        switch (writeGate.begin(r.id, claim.token(), fix.call(), config.maxWritesPerAccountPerHour())) {
            case CAPPED -> {
                return;
            }
            case CLAIM_LOST -> {
                LOG.warnf("Remediation %d was taken over by another replica before its write; leaving it", r.id);
                return;
            }
            case BEGUN -> {
                // the write below is made once: WRITING is committed
            }
        }
        try {
            fix.apply(session);
        } catch (SdkException e) {
            fail(r, fix.call().operation() + ": " + ReadFailures.describe(e));
            return;
        }
        remediations.note(
                r.id, Step.APPLIED, Remediations.DRIFTWATCH, fix.call().operation());
        verify(r, action.get(), session, target, null);
    }

    private void verify(RemediationEntity r, RemediationAction action, AwsSession session, Target target, String note) {
        Reading after;
        try {
            after = action.read(session, target);
        } catch (SdkException e) {
            // stays WRITING: verified (never written) again when its claim times out
            LOG.warnf("Remediation %d could not be verified yet: %s", r.id, ReadFailures.describe(e));
            return;
        }
        if (after.isFixed()) {
            remediations.move(r.id, WRITING, RemediationStatus.VERIFIED, Step.VERIFIED, Remediations.DRIFTWATCH, note);
            breakers.succeeded(r.account);
        } else {
            fail(r, "verify: " + unfixed(after) + (note == null ? "" : "; " + note));
        }
    }

    private static String unfixed(Reading after) {
        if (!after.exists()) {
            return "the resource is gone";
        }
        return after.moved()
                ? "the resource changed to something else meanwhile"
                : "the re-read still shows " + after.fix().orElseThrow().call().operation() + " needed";
    }

    private void fail(RemediationEntity r, String reason) {
        remediations.move(r.id, WRITING, RemediationStatus.FAILED, Step.FAILED, Remediations.DRIFTWATCH, reason);
        breakers.failed(r.account, reason);
        LOG.warnf("Remediation %d of %s %s failed: %s", r.id, r.resourceType, r.resourceId, reason);
    }

    private void skip(RemediationEntity r, String reason) {
        remediations.move(r.id, RUNNING, RemediationStatus.SKIPPED, Step.SKIPPED, Remediations.DRIFTWATCH, reason);
    }

    private static RemediationStatus backTo(RemediationEntity r) {
        return r.mode == RemediationMode.AUTO ? RemediationStatus.PLANNED : RemediationStatus.APPROVED;
    }
}
