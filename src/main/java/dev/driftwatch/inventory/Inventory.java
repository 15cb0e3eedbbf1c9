package dev.driftwatch.inventory;

import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.resource.ScanTarget;
import io.quarkus.arc.All;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Runs the collectors of a target (the global ones for an account's {@link Regions#GLOBAL} target, the
 * regional ones otherwise), several at a time, and records what could not be read instead of failing:
 * a type whose read failed or did not finish within the deadline, and single resources left unknown.
 */
@ApplicationScoped
public class Inventory {

    private static final Logger LOG = Logger.getLogger(Inventory.class);

    private final List<Collector> collectors;
    private final AccountRegistry accounts;
    private final ExecutorService pool;
    private final Duration deadline;

    Inventory(@All List<Collector> collectors, AccountRegistry accounts, InventoryConfig config) {
        this.collectors = collectors;
        this.accounts = accounts;
        this.pool = Executors.newFixedThreadPool(config.collectorThreads(), r -> new Thread(r, "collector"));
        this.deadline = config.deadline();
    }

    public Set<String> supportedTypes() {
        Set<String> types = new LinkedHashSet<>();
        collectors.forEach(c -> types.add(c.resourceType()));
        return types;
    }

    /** @throws IllegalArgumentException when the target's account is not configured */
    public InventorySnapshot collect(ScanTarget target) {
        return collect(target, type -> true);
    }

    /** Reads only the types wanted (the one-shot check of managed resources needs only its states' types). */
    public InventorySnapshot collect(ScanTarget target, Predicate<String> wantedTypes) {
        ScannedAccount account = accounts.account(target.account())
                .orElseThrow(() -> new IllegalArgumentException("Account " + target.account() + " is not configured"));
        return collect(target, accounts.session(account, target.region()), wantedTypes);
    }

    /**
     * Reads the types wanted through a session of another purpose (the sweeper reads a sandbox account on its own
     * role, which the inventory may not have).
     */
    public InventorySnapshot collect(ScanTarget target, TargetSession session, Predicate<String> wantedTypes) {
        boolean global = Regions.GLOBAL.equals(target.region());
        List<Collector> due = collectors.stream()
                .filter(c -> c.global() == global && wantedTypes.test(c.resourceType()))
                .toList();
        long endsAt = System.nanoTime() + deadline.toNanos();
        List<Future<List<CloudResource>>> reads =
                due.stream().map(c -> pool.submit(() -> c.collect(session))).toList();

        List<CloudResource> resources = new ArrayList<>();
        Set<String> readTypes = new LinkedHashSet<>();
        List<ReadGap> gaps = new ArrayList<>();
        for (int i = 0; i < due.size(); i++) {
            Collector collector = due.get(i);
            try {
                resources.addAll(reads.get(i).get(Math.max(0, endsAt - System.nanoTime()), TimeUnit.NANOSECONDS));
                readTypes.add(collector.resourceType());
            } catch (ExecutionException e) {
                gaps.add(gap(target, collector, ReadFailures.describe(e.getCause())));
            } catch (TimeoutException e) {
                reads.get(i).cancel(true); // its calls end by the SDK's api-call-timeout at the latest
                gaps.add(gap(target, collector, "not finished within the scan deadline of " + human(deadline)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while reading " + target, e);
            }
        }
        // resources left unknown only count in types otherwise read: an unread type is one gap already
        List<ReadGap> unknown = session.unknownResources().stream()
                .filter(g -> readTypes.contains(g.resourceType()))
                .toList();
        unknown.forEach(g -> readTypes.remove(g.resourceType()));
        gaps.addAll(unknown);
        return new InventorySnapshot(target, List.copyOf(resources), Set.copyOf(readTypes), List.copyOf(gaps));
    }

    private static ReadGap gap(ScanTarget target, Collector collector, String reason) {
        LOG.warnf("Could not read %s in %s: %s", collector.resourceType(), target, reason);
        return new ReadGap(target.account(), target.region(), collector.service(), collector.resourceType(), reason);
    }

    /** {@code 10m}, {@code 1h30m}, {@code 45s}, {@code 500ms}: as the setting is written. */
    static String human(Duration d) {
        if (d.toMillis() < 1000) {
            return d.toMillis() + "ms";
        }
        String text = (d.toHours() > 0 ? d.toHours() + "h" : "")
                + (d.toMinutesPart() > 0 ? d.toMinutesPart() + "m" : "")
                + (d.toSecondsPart() > 0 ? d.toSecondsPart() + "s" : "");
        return text.isEmpty() ? d.toString() : text;
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
