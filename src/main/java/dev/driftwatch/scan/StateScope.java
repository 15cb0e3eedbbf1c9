package dev.driftwatch.scan;

import dev.driftwatch.baseline.BaselineSnapshot;
import dev.driftwatch.baseline.ExpectedResource;
import dev.driftwatch.drift.DriftComparator;
import dev.driftwatch.drift.StateClaims;
import dev.driftwatch.inventory.AccountRegistry;
import dev.driftwatch.inventory.Inventory;
import dev.driftwatch.inventory.ReadFailures;
import dev.driftwatch.resource.ScanTarget;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the states hold that no scan compares: entries whose location cannot be told, entries outside every
 * configured account and region, and resources claimed twice. Each is a problem on the scan (so it is
 * PARTIAL): a scan cannot vouch for what it did not compare. Only types driftwatch collects count here;
 * the others are shown by {@code GET /api/coverage} under {@code states}.
 */
@ApplicationScoped
class StateScope {

    /** Unlocated entries named one by one per state; past that, counted. */
    static final int NAMED_PER_STATE = 20;

    private final AccountRegistry accounts;
    private final Set<String> supportedTypes;

    StateScope(AccountRegistry accounts, Inventory inventory) {
        this.accounts = accounts;
        this.supportedTypes = inventory.supportedTypes();
    }

    /** @param claims the entries of the scanned target, as compared */
    List<ScanProblem> problems(BaselineSnapshot expected, StateClaims claims) {
        List<ScanProblem> problems = new ArrayList<>();
        List<ExpectedResource> collected = expected.resources().stream()
                .filter(e -> supportedTypes.containsAll(DriftComparator.liveTypesOf(List.of(e))))
                .toList();
        unlocated(collected, problems);
        outsideTargets(collected, problems);
        claims.doubleClaims()
                .forEach(c -> problems.add(new ScanProblem(
                        c.claims().get(0).stateFile(),
                        c.describe() + " (in " + c.account() + "/" + c.region()
                                + "); compared with the first claim only")));
        return problems;
    }

    private static void unlocated(List<ExpectedResource> collected, List<ScanProblem> problems) {
        Map<String, List<ExpectedResource>> byState = collected.stream()
                .filter(e -> !e.located())
                .collect(Collectors.groupingBy(ExpectedResource::stateFile, LinkedHashMap::new, Collectors.toList()));
        byState.forEach((state, entries) -> {
            entries.stream()
                    .limit(NAMED_PER_STATE)
                    .forEach(
                            e -> problems.add(new ScanProblem(state, e.unknownLocation() + "; not compared anywhere")));
            if (entries.size() > NAMED_PER_STATE) {
                problems.add(new ScanProblem(
                        state,
                        (entries.size() - NAMED_PER_STATE)
                                + " more resource(s) of unknown location, not compared anywhere"));
            }
        });
    }

    private void outsideTargets(List<ExpectedResource> collected, List<ScanProblem> problems) {
        List<ScanTarget> targets;
        try {
            targets = accounts.targets();
        } catch (RuntimeException e) {
            problems.add(new ScanProblem(
                    "accounts",
                    "cannot be listed, so no scan can tell which state resources it leaves out: "
                            + ReadFailures.describe(e)));
            return;
        }
        Map<String, Map<String, Integer>> byState = new LinkedHashMap<>();
        for (ExpectedResource e : collected) {
            ScanTarget where =
                    new ScanTarget(e.resource().account(), e.resource().region());
            if (e.located() && !targets.contains(where)) {
                byState.computeIfAbsent(e.stateFile(), s -> new TreeMap<>())
                        .merge(where.account() + "/" + where.region(), 1, Integer::sum);
            }
        }
        byState.forEach((state, places) -> {
            int total = places.values().stream().mapToInt(Integer::intValue).sum();
            String where = places.entrySet().stream()
                    .map(p -> p.getValue() + " in " + p.getKey())
                    .collect(Collectors.joining(", "));
            problems.add(new ScanProblem(
                    state,
                    total + " resource(s) outside every configured account and region, not compared (" + where
                            + "); add them to driftwatch.inventory.accounts / driftwatch.inventory.regions"));
        });
    }
}
