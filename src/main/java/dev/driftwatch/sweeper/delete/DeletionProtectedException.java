package dev.driftwatch.sweeper.delete;

/**
 * The resource has deletion protection on and the sweeper is not allowed to turn it off. Neither a dependency nor
 * gone: a later pass would be refused the same way, so the sweeper reports it as a failure and keeps the resource.
 */
public class DeletionProtectedException extends IllegalStateException {

    public DeletionProtectedException(String type, String id, String why) {
        super(type + " " + id + ": deletion protection is on; " + why);
    }
}
