package dev.driftwatch.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Per-resource reads of a collector (S3 has no bulk read: a call per bucket), run side by side as Terraform
 * refreshes resources in parallel. The account's per-service limits (rate, calls in flight) still apply to
 * every call, so this only fills the concurrency the limits allow instead of waiting call after call.
 */
public final class ParallelReads {

    /** Threads that only wait on AWS calls; daemon, so they never keep the process alive. */
    private static final ExecutorService POOL = Executors.newFixedThreadPool(16, r -> {
        Thread thread = new Thread(r, "per-resource-read");
        thread.setDaemon(true);
        return thread;
    });

    private ParallelReads() {}

    /**
     * Reads each item, in the items' order; an empty answer is left out. The first failure is thrown as
     * it was (and the reads not started yet are cancelled), as a sequential loop would.
     */
    public static <T, R> List<R> map(List<T> items, Function<T, Optional<R>> read) {
        List<Future<Optional<R>>> reads = new ArrayList<>(items.size());
        items.forEach(item -> reads.add(POOL.submit(() -> read.apply(item))));
        List<R> results = new ArrayList<>(items.size());
        try {
            for (Future<Optional<R>> future : reads) {
                future.get().ifPresent(results::add);
            }
            return results;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading", e);
        } finally {
            reads.forEach(future -> future.cancel(false));
        }
    }
}
