package dev.driftwatch.inventory;

import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.resource.ScanTarget;
import io.quarkus.arc.All;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.logging.Logger;

/**
 * Runs the collectors of a target (the global ones for an account's {@link Regions#GLOBAL} target, the
 * regional ones otherwise), several at a time, and records what could not be read instead of failing.
 */
@ApplicationScoped
public class Inventory {

    private static final Logger LOG = Logger.getLogger(Inventory.class);

    private final List<Collector> collectors;
    private final AccountRegistry accounts;
    private final ExecutorService pool;

    Inventory(@All List<Collector> collectors, AccountRegistry accounts, InventoryConfig config) {
        this.collectors = collectors;
        this.accounts = accounts;
        this.pool = Executors.newFixedThreadPool(config.collectorThreads(), r -> new Thread(r, "collector"));
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
        AwsSession session = accounts.session(account, target.region());
        boolean global = Regions.GLOBAL.equals(target.region());
        List<Collector> due = collectors.stream().filter(c -> c.global() == global && wantedTypes.test(c.resourceType())).toList();
        List<Future<List<CloudResource>>> reads = due.stream().map(c -> pool.submit(() -> c.collect(session))).toList();

        List<CloudResource> resources = new ArrayList<>();
        Set<String> readTypes = new LinkedHashSet<>();
        List<ReadGap> gaps = new ArrayList<>();
        for (int i = 0; i < due.size(); i++) {
            Collector collector = due.get(i);
            try {
                resources.addAll(reads.get(i).get());
                readTypes.add(collector.resourceType());
            } catch (ExecutionException e) {
                String reason = ReadFailures.describe(e.getCause());
                LOG.warnf("Could not read %s in %s: %s", collector.resourceType(), target, reason);
                gaps.add(new ReadGap(target.account(), target.region(), collector.service(), collector.resourceType(), reason));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while reading " + target, e);
            }
        }
        return new InventorySnapshot(target, List.copyOf(resources), Set.copyOf(readTypes), List.copyOf(gaps));
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
