package dev.driftwatch.check;

import dev.driftwatch.baseline.Baseline;
import dev.driftwatch.baseline.BaselineSnapshot;
import dev.driftwatch.drift.DriftComparator;
import dev.driftwatch.drift.DriftIgnore;
import dev.driftwatch.drift.DriftObservation;
import dev.driftwatch.drift.IgnoreRules;
import dev.driftwatch.engine.DriftEngine;
import dev.driftwatch.engine.IgnoreRuleSupply;
import dev.driftwatch.engine.TargetComparison;
import dev.driftwatch.inventory.AccountRegistry;
import dev.driftwatch.inventory.Inventory;
import dev.driftwatch.inventory.InventorySnapshot;
import dev.driftwatch.inventory.ReadFailures;
import dev.driftwatch.inventory.Regions;
import dev.driftwatch.resource.ScanTarget;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The one-shot check: the same inventory, baseline and {@link DriftEngine} (comparator, normalisers, ignore
 * rules) a scan uses, without storing anything.
 */
@ApplicationScoped
public class OneShotCheck {

    private final AccountRegistry accounts;
    private final Inventory inventory;
    private final Baseline baseline;
    private final DriftEngine engine;
    private final DriftIgnore ignore;

    OneShotCheck(
            AccountRegistry accounts, Inventory inventory, Baseline baseline, DriftEngine engine, DriftIgnore ignore) {
        this.accounts = accounts;
        this.inventory = inventory;
        this.baseline = baseline;
        this.engine = engine;
        this.ignore = ignore;
    }

    /**
     * Reads every state once, then compares each account and region (and each account's global resources).
     *
     * @param onlyManaged read only the types the states hold, as {@code terraform plan -refresh-only} does,
     *                    and report no unmanaged resources; otherwise every type, to find those too
     * @param strict      state entries of types driftwatch does not collect fail the check (exit 2)
     */
    public CheckResult run(List<String> onlyAccounts, boolean onlyManaged, boolean strict) {
        long started = System.nanoTime();
        return run(
                baseline.load(),
                IgnoreRuleSupply.configuredOnly(ignore),
                onlyAccounts,
                List.of(),
                onlyManaged,
                strict,
                started);
    }

    /**
     * Compares one given state (see {@link Baseline#read}) instead of the configured ones, in the running
     * service: drift accepted through the API is left out as well as the configured ignore rules.
     *
     * @param onlyRegions the regions to read (each account's global resources are always read); all when empty
     */
    public CheckResult run(
            String stateName,
            InputStream state,
            List<String> onlyAccounts,
            List<String> onlyRegions,
            boolean onlyManaged,
            boolean strict) {
        long started = System.nanoTime();
        return run(
                baseline.read(stateName, state),
                IgnoreRuleSupply.withAcceptedDrift(ignore),
                onlyAccounts,
                onlyRegions,
                onlyManaged,
                strict,
                started);
    }

    private CheckResult run(
            BaselineSnapshot expected,
            IgnoreRuleSupply ignoreSupply,
            List<String> onlyAccounts,
            List<String> onlyRegions,
            boolean onlyManaged,
            boolean strict,
            long started) {
        List<String> errors = new ArrayList<>();
        List<ScanTarget> targets;
        try {
            targets = accounts.targets().stream()
                    .filter(t -> onlyAccounts.isEmpty() || onlyAccounts.contains(t.account()))
                    .filter(t -> onlyRegions.isEmpty()
                            || onlyRegions.contains(t.region())
                            || Regions.GLOBAL.equals(t.region()))
                    .toList();
        } catch (RuntimeException e) {
            return new CheckResult(
                    List.of(),
                    List.of(),
                    0,
                    List.of("accounts cannot be listed: " + ReadFailures.describe(e)),
                    List.of(),
                    strict,
                    millisSince(started));
        }
        onlyAccounts.stream()
                .filter(a -> targets.stream().noneMatch(t -> t.account().equals(a)))
                .forEach(a -> errors.add("account " + a + " is not configured (driftwatch.inventory.accounts)"));
        onlyRegions.stream()
                .filter(r -> targets.stream().noneMatch(t -> t.region().equals(r)))
                .forEach(r -> errors.add("region " + r + " is not scanned (driftwatch.inventory.regions)"));
        // targets() leaves out (and only logs) the regions of an account whose region list failed ("all")
        targets.stream().map(ScanTarget::account).distinct().forEach(id -> accounts.account(id)
                .ifPresent(account -> {
                    try {
                        accounts.regionsOf(account);
                    } catch (RuntimeException e) {
                        errors.add("regions of account " + id + " cannot be listed: " + ReadFailures.describe(e));
                    }
                }));
        DriftIgnore.Loaded ignored = ignoreSupply.load();
        expected.errors().forEach(e -> errors.add("state " + e));
        ignored.errors().forEach(e -> errors.add("ignore rule " + e));
        IgnoreRules ignoreRules = new IgnoreRules(ignored.rules());
        Set<String> stateTypes = DriftComparator.liveTypesOf(expected.resources());
        Predicate<String> wantedTypes = onlyManaged ? stateTypes::contains : type -> true;
        List<DriftObservation> drift = new ArrayList<>();
        List<CheckResult.Checked> checked = new ArrayList<>();
        for (ScanTarget target : targets) {
            InventorySnapshot live;
            try {
                live = inventory.collect(target, wantedTypes);
            } catch (RuntimeException e) {
                errors.add(target + " cannot be read: " + ReadFailures.describe(e));
                continue;
            }
            live.gaps()
                    .forEach(g -> errors.add(target + " " + g.resourceType()
                            + (g.oneResource() ? " " + g.resourceId() : "") + " not read: " + g.reason()));
            TargetComparison compared = engine.compare(live, expected, DriftEngine.Checks.DRIFT);
            compared.claims().doubleClaims().forEach(c -> errors.add(c.describe()));
            drift.addAll(compared.drift(ignoreRules));
            checked.add(new CheckResult.Checked(target, live.resources().size()));
        }
        long stateFiles =
                expected.resources().stream().map(r -> r.stateFile()).distinct().count();
        List<NotChecked> notChecked = NotCheckedEntries.of(expected.resources(), targets, inventory.supportedTypes());
        CheckResult result =
                new CheckResult(drift, checked, stateFiles, errors, notChecked, strict, millisSince(started));
        return onlyManaged ? result.onlyManaged() : result;
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
