package dev.driftwatch.scan;

import dev.driftwatch.lock.TargetLease;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The scans this replica is running, with the lease each holds, and whether the replica still takes new ones. */
@ApplicationScoped
public class RunningScans {

    /** One scan in progress here: its target lease and the thread running it. */
    record Running(long scanId, TargetLease lease, Thread thread) {}

    private final Map<Long, Running> running = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    /** False once the replica is stopping: no scan may start any more. */
    boolean add(long scanId, TargetLease lease) {
        if (stopping) {
            return false;
        }
        running.put(scanId, new Running(scanId, lease, Thread.currentThread()));
        return true;
    }

    void remove(long scanId) {
        running.remove(scanId);
    }

    void stop() {
        stopping = true;
    }

    boolean stopping() {
        return stopping;
    }

    List<Running> list() {
        return List.copyOf(running.values());
    }
}
