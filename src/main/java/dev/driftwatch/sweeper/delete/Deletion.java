package dev.driftwatch.sweeper.delete;

/** What a delete call achieved. */
public enum Deletion {
    /** The resource is gone. */
    DONE,
    /** AWS is deleting it in the background; the resources that wait for it are deleted once it has finished. */
    STARTED
}
