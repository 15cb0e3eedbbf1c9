package dev.driftwatch.sweeper;

import java.util.Optional;

/** The most one plan may delete without a person's approval: a number, and a share of what the account holds. */
final class Cap {

    private Cap() {}

    static Optional<Refusal> check(SweepPlan plan, SweeperConfig config) {
        long deletions = plan.deletions();
        if (deletions > config.maxDeletions()) {
            return Optional.of(new Refusal(
                    Refusal.Reason.CAP,
                    "the plan deletes " + deletions
                            + " resources, more than driftwatch.sweeper.max-deletions=" + config.maxDeletions()
                            + ": approve it to go on"));
        }
        long seen = plan.items().size();
        if (seen > 0 && deletions * 100 > (long) config.maxDeletionPercent() * seen) {
            return Optional.of(new Refusal(
                    Refusal.Reason.CAP,
                    "the plan deletes " + deletions + " of the " + seen
                            + " resources read, more than driftwatch.sweeper.max-deletion-percent="
                            + config.maxDeletionPercent() + ": approve it to go on"));
        }
        return Optional.empty();
    }
}
