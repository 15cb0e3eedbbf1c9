package dev.driftwatch.sweeper;

import java.util.Locale;

/** Why the sweeper would not sweep an account, or not go on with a plan. */
public record Refusal(Reason reason, String message) {

    /** The {@code reason} label of {@code driftwatch_sweep_refusals_total}. */
    public enum Reason {
        NOT_LISTED,
        MANAGEMENT_ACCOUNT,
        NO_ALIAS,
        BLOCKED_ALIAS,
        /** The account's identity or alias could not be read: it is not swept while unknown. */
        GUARD_UNREADABLE,
        /** The plan deletes more than the cap allows: it waits for an approver. */
        CAP;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
