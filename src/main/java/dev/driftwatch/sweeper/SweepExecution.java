package dev.driftwatch.sweeper;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.aws.AwsSessions;
import dev.driftwatch.aws.Purpose;
import dev.driftwatch.lock.TargetLease;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.sweeper.delete.DeleteErrors;
import dev.driftwatch.sweeper.delete.Deleter;
import dev.driftwatch.sweeper.delete.Deletion;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Deletes a plan's resources in dependency order: level by level (instances before their volumes, network interfaces
 * and security groups; subnets before VPCs), each level's deletes in parallel. Each level's types are read again
 * just before its deletes (the first level's read is the plan's, moments old), and each resource decided on again
 * (still there, still old, still not protected).
 * A resource whose dependency is still there is tried again in the next pass; passes go on while one deletes
 * something. Deletes AWS finishes in the background are waited for before the next level.
 */
@ApplicationScoped
public class SweepExecution {

    private final Deleters deleters;
    private final AccountReader reader;
    private final AwsSessions sessions;
    private final SweepStore store;
    private final SweeperConfig config;
    private final SweepRules rules;

    SweepExecution(
            Deleters deleters,
            AccountReader reader,
            AwsSessions sessions,
            SweepStore store,
            SweeperConfig config,
            Clock clock) {
        this.deleters = deleters;
        this.reader = reader;
        this.sessions = sessions;
        this.store = store;
        this.config = config;
        this.rules = new SweepRules(config, clock);
    }

    /**
     * Deletes what the sweep planned; every item ends with an outcome.
     *
     * @param planJustRead the plan was read moments ago (not an approved plan taken up later): its read stands as the
     *     re-read of the first level, whose types nothing deleted in this run can have changed
     */
    public void execute(SweepEntity sweep, SweeperConfig.Account account, TargetLease lease, boolean planJustRead) {
        Map<Long, Attempt> attempts = new HashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(config.concurrency(), r -> new Thread(r, "sweep-delete"));
        try {
            Run run = new Run(sweep, account, lease, attempts, pool);
            for (int pass = 1; pass <= config.maxPasses(); pass++) {
                List<SweepItemEntity> pending = store.toDelete(sweep.id);
                if (pending.isEmpty() || (pass > 1 && !run.progressed)) {
                    break;
                }
                run.progressed = false;
                List<List<String>> levels = deleters.levels();
                for (int level = 0; level < levels.size(); level++) {
                    Set<String> types = Set.copyOf(levels.get(level));
                    List<SweepItemEntity> here = pending.stream()
                            .filter(i -> types.contains(i.resourceType))
                            .toList();
                    if (!here.isEmpty()) {
                        boolean asPlanned = planJustRead && pass == 1 && level == 0;
                        run.level(here, asPlanned ? Reread.asPlanned(sweep, here) : null);
                    }
                }
            }
            for (SweepItemEntity left : store.toDelete(sweep.id)) {
                Attempt attempt = attempts.getOrDefault(left.id, Attempt.NONE);
                store.acted(left.id, ItemOutcome.LEFT, attempt.count(), attempt.error(), lease);
            }
            verify(sweep, account, lease);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Reads the deleted types once more: a resource still listed after AWS said it deleted it was not deleted. */
    private void verify(SweepEntity sweep, SweeperConfig.Account account, TargetLease lease) {
        List<SweepItemEntity> deleted = store.deleted(sweep.id);
        if (deleted.isEmpty()) {
            return;
        }
        Set<String> types = deleted.stream().map(i -> i.resourceType).collect(Collectors.toSet());
        Reread after = new Reread(reader.read(account, types));
        for (SweepItemEntity item : deleted) {
            if (after.known(item) && after.current(item).isPresent()) {
                store.acted(item.id, ItemOutcome.FAILED, item.attempts, "still listed after its delete", lease);
            }
        }
    }

    private record Attempt(int count, String error) {
        static final Attempt NONE = new Attempt(0, "could not be read again before its delete");
    }

    /** What one delete call achieved, or why not. */
    record Result(SweepItemEntity item, CloudResource resource, Deletion deletion, Throwable error) {}

    private final class Run {
        private final SweepEntity sweep;
        private final SweeperConfig.Account account;
        private final TargetLease lease;
        private final Map<Long, Attempt> attempts;
        private final ExecutorService pool;
        private final Map<String, AwsSession> sessionByRegion = new ConcurrentHashMap<>();
        private boolean progressed;

        Run(
                SweepEntity sweep,
                SweeperConfig.Account account,
                TargetLease lease,
                Map<Long, Attempt> attempts,
                ExecutorService pool) {
            this.sweep = sweep;
            this.account = account;
            this.lease = lease;
            this.attempts = attempts;
            this.pool = pool;
        }

        /** @param planned the plan's read of these items, when it stands as their re-read; else null */
        void level(List<SweepItemEntity> items, Reread planned) {
            Set<String> types = items.stream().map(i -> i.resourceType).collect(Collectors.toSet());
            Reread now = planned != null ? planned : new Reread(reader.read(account, types));
            List<Future<Result>> calls = new ArrayList<>();
            for (SweepItemEntity item : items) {
                if (!now.known(item)) {
                    attempts.put(
                            item.id,
                            new Attempt(
                                    attempts.getOrDefault(item.id, Attempt.NONE).count(),
                                    "could not be read again before its delete"));
                    continue;
                }
                var current = now.current(item);
                if (current.isEmpty()) {
                    done(item, ItemOutcome.GONE, null);
                    continue;
                }
                Verdict verdict = rules.decide(current.get(), item.firstSeen, StateManagement.UNMANAGED);
                if (!verdict.deletes()) {
                    done(item, ItemOutcome.KEPT, verdict.decision() + ": " + verdict.reason());
                    continue;
                }
                calls.add(pool.submit(delete(item, current.get())));
            }
            List<Result> started = new ArrayList<>();
            for (Future<Result> call : calls) {
                Result result = await(call);
                record(result, started);
            }
            new BackgroundDeletes(config.asyncWait())
                    .await(started, this::session, deleters)
                    .forEach((result, finished) -> done(
                            result.item(),
                            finished ? ItemOutcome.DELETED : ItemOutcome.DELETING,
                            finished ? null : "AWS was still deleting it after " + config.asyncWait()));
        }

        private Callable<Result> delete(SweepItemEntity item, CloudResource resource) {
            Deleter deleter = deleters.of(item.resourceType).orElseThrow();
            return () -> {
                try {
                    return new Result(item, resource, deleter.delete(session(item.region), resource), null);
                } catch (RuntimeException e) {
                    return new Result(item, resource, null, e);
                }
            };
        }

        private void record(Result result, List<Result> started) {
            SweepItemEntity item = result.item();
            int count = attempts.getOrDefault(item.id, Attempt.NONE).count() + 1;
            if (result.error() == null) {
                attempts.put(item.id, new Attempt(count, null));
                if (result.deletion() == Deletion.STARTED) {
                    started.add(result);
                } else {
                    done(item, ItemOutcome.DELETED, null);
                }
            } else if (DeleteErrors.gone(result.error())) {
                attempts.put(item.id, new Attempt(count, null));
                done(item, ItemOutcome.GONE, null);
            } else if (DeleteErrors.dependency(result.error())) {
                attempts.put(item.id, new Attempt(count, result.error().getMessage()));
            } else {
                attempts.put(item.id, new Attempt(count, result.error().getMessage()));
                done(item, ItemOutcome.FAILED, result.error().getMessage());
            }
        }

        private void done(SweepItemEntity item, ItemOutcome outcome, String error) {
            progressed = true;
            store.acted(
                    item.id,
                    outcome,
                    attempts.getOrDefault(item.id, Attempt.NONE).count(),
                    error,
                    lease);
        }

        private AwsSession session(String region) {
            return sessionByRegion.computeIfAbsent(region, r -> sessions.session(sweep.account, Purpose.SWEEP, r));
        }

        private Result await(Future<Result> call) {
            try {
                return call.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while deleting in " + sweep.account, e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }
}
