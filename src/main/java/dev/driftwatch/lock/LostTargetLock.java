package dev.driftwatch.lock;

/** The holder's lease is no longer current: another holder took the target, so this one must write nothing. */
public class LostTargetLock extends RuntimeException {

    public LostTargetLock(TargetLease lease, String now) {
        super("lost the target lock of " + lease.target() + " (generation " + lease.generation() + "; now " + now
                + ")");
    }
}
