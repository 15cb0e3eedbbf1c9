package dev.driftwatch.sweeper;

import dev.driftwatch.inventory.InventorySnapshot;
import dev.driftwatch.inventory.ReadGap;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a sandbox account and decides on every resource of the swept types, keeping what a person kept through the
 * API and, with a notice period, what was not announced long enough ago. What could not be read is in the
 * plan as a gap, or as a resource decided {@link SweepDecision#READ_INCOMPLETE}; never as a resource to delete.
 */
@ApplicationScoped
public class SweepPlanner {

    private final AccountReader reader;
    private final Sightings sightings;
    private final StateCheck states;
    private final Deleters deleters;
    private final SweepRules rules;
    private final Notices notices;

    SweepPlanner(
            AccountReader reader,
            Sightings sightings,
            StateCheck states,
            Deleters deleters,
            Notices notices,
            SweeperConfig config,
            Clock clock) {
        this.reader = reader;
        this.sightings = sightings;
        this.states = states;
        this.deleters = deleters;
        this.rules = new SweepRules(config, clock);
        this.notices = notices;
    }

    public SweepPlan plan(SweeperConfig.Account account) {
        Function<CloudResource, StateManagement> managed = states.forAccount(account.id());
        List<InventorySnapshot> snapshots = reader.read(account, deleters.types());
        List<CloudResource> seen = new ArrayList<>();
        snapshots.forEach(s -> seen.addAll(s.resources()));
        Map<Sightings.Key, Instant> firstSeen = sightings.sight(account.id(), seen);
        Notices.Earlier earlier = notices.of(account.id());

        List<PlannedItem> items = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        for (InventorySnapshot snapshot : snapshots) {
            Set<?> unknown = snapshot.unknown();
            for (CloudResource resource : snapshot.resources()) {
                Instant first = firstSeen.get(Sightings.Key.of(resource));
                Verdict verdict = unknown.contains(resource.key())
                        ? new Verdict(SweepDecision.READ_INCOMPLETE, "not read completely")
                        : rules.afterNotices(
                                Sightings.Key.of(resource),
                                rules.decide(resource, first, managed.apply(resource)),
                                earlier);
                items.add(new PlannedItem(resource, first, verdict));
            }
            for (ReadGap gap : snapshot.gaps()) {
                gaps.add(gap.resourceType() + (gap.oneResource() ? " " + gap.resourceId() : "") + " in " + gap.region()
                        + ": " + gap.reason());
            }
        }
        return new SweepPlan(items, gaps);
    }
}
