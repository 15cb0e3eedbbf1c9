package dev.driftwatch.lock;

/**
 * A held target lock: the generation its holder was given. Write transactions present it to
 * {@link TargetLock#verify(TargetLease)}; a later holder has a higher generation.
 *
 * @param target     what is locked, e.g. {@code 123456789012/us-east-1}
 * @param purpose    what holds it: a scan, a remediation, a sweep
 * @param holder     the replica holding it
 * @param generation raised by every new holder of the target
 */
public record TargetLease(String target, LockPurpose purpose, String holder, long generation) {

    public TargetLease {
        if (target == null || target.isBlank() || purpose == null || holder == null || holder.isBlank()) {
            throw new IllegalArgumentException("a target lease needs a target, a purpose and a holder");
        }
    }
}
