package dev.driftwatch.remediation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the remediators may do, where, and how carefully. Safe by default: dry-run, and no account listed. */
@ConfigMapping(prefix = "driftwatch.remediation")
public interface RemediationConfig {

    /** Whether this replica consumes findings and acts on them at all; off in the one-shot check. */
    @WithDefault("true")
    boolean enabled();

    /** Everything but the write: the record shows the exact call that would have been made. */
    @WithDefault("true")
    boolean dryRun();

    /** Accounts where remediation may write (with the account's REMEDIATE role); every other one is report-only. */
    Optional<List<String>> accounts();

    /** How long an approval may be waited for before the remediation expires (and goes to a ticket). */
    @WithDefault("72h")
    Duration approvalTimeout();

    /** Approvals needed from distinct approvers, none of them the requester. */
    @WithDefault("1")
    @Min(1)
    int approvalsRequired();

    /** A resource carrying this tag with this value is never remediated. */
    @WithDefault("driftwatch:remediation")
    String optOutTagKey();

    /** The value of {@link #optOutTagKey()} that opts a resource out. */
    @WithDefault("off")
    String optOutTagValue();

    /** The most writes per account in any hour; past it, remediations wait. */
    @WithDefault("20")
    @Min(1)
    int maxWritesPerAccountPerHour();

    /**
     * The most automatic fixes one scan of an account may start; past it, a fix waits for an approver instead
     * ({@code AWAITING_APPROVAL}, reason {@code capped: …}), so a mass change or a bad rule cannot be written across
     * an account at once.
     */
    @WithDefault("20")
    @Min(1)
    int maxAutoFixesPerAccountPerScan();

    /** Terraform types never written to: their remediations are report-only. */
    Optional<Set<String>> excludedTypes();

    /** Failures in a row, in one account, that open its circuit breaker. */
    @WithDefault("3")
    @Min(1)
    int breakerFailures();

    /**
     * The most resources of one account that may be waiting for the same action at once (blast radius): more
     * opens the account's breaker instead of acting on any of them.
     */
    @WithDefault("25")
    @Min(1)
    int breakerBlastRadius();

    /** How often a replica looks for remediations ready to run, when no finding event woke it. */
    @WithDefault("5s")
    Duration pollInterval();

    /**
     * How long a replica may hold a remediation it claimed before another one may take it over (the first
     * replica is taken to be gone). One taken over after its write began is only verified, never written again.
     */
    @WithDefault("5m")
    Duration claimTimeout();

    /** Remediations run at once by this replica. */
    @WithDefault("4")
    @Min(1)
    int concurrency();

    /**
     * What to do about drift (CHANGED findings), by rule name. A finding is matched by a rule when its type,
     * account and every changed attribute match; when several match, the one that writes least wins (ticket,
     * report, approve, revert); when none does, it is only reported.
     */
    Map<String, DriftRule> driftRules();

    /** One rule for drift. */
    interface DriftRule {

        /** Terraform type, or {@code *} for every type. */
        @WithDefault("*")
        String type();

        /**
         * Attribute path every changed attribute must match: {@code *} within a segment ({@code tags.*}),
         * {@code **} anything.
         */
        @WithDefault("**")
        String attribute();

        /** Account id, or {@code *} for every account. */
        @WithDefault("*")
        String account();

        /**
         * A tag the resource must carry, as the latest scan read it: {@code key=value}, or {@code key} for any
         * value. Where the tags are unknown (no snapshot), only a rule that writes nothing (ticket, report) is taken
         * to match.
         */
        Optional<String> tag();

        /** {@code revert} (back to the state's values), {@code approve} (revert once approved), {@code ticket}, {@code report}. */
        DriftMode mode();
    }

    /** What a drift rule does. */
    enum DriftMode {
        REVERT,
        APPROVE,
        TICKET,
        REPORT
    }

    default boolean writesIn(String account) {
        return accounts().map(list -> list.contains(account)).orElse(false);
    }
}
