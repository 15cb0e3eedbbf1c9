package dev.driftwatch.sweeper.delete;

import java.util.function.BooleanSupplier;

/** For deletions AWS finishes in the background: the describe call that says whether it is done. */
final class Background {

    private Background() {}

    /**
     * Asks {@code done}; an answer that the resource does not exist means it is done (AWS forgets some resources
     * soon after deleting them). Any other error propagates.
     */
    static boolean finished(BooleanSupplier done) {
        try {
            return done.getAsBoolean();
        } catch (RuntimeException e) {
            if (DeleteErrors.gone(e)) {
                return true;
            }
            throw e;
        }
    }
}
