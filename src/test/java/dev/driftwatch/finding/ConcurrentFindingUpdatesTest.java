package dev.driftwatch.finding;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleObjectStateException;
import org.junit.jupiter.api.Test;

/** Only a write that met a concurrent change of a finding is run again; any other failure is not. */
class ConcurrentFindingUpdatesTest {

    @Test
    void aStaleWriteIsRecognisedThroughItsWrappers() {
        assertThat(ConcurrentFindingUpdates.stale(
                        new IllegalStateException("commit failed", new OptimisticLockException())))
                .isTrue();
        assertThat(ConcurrentFindingUpdates.stale(
                        new RuntimeException(new StaleObjectStateException("FindingEntity", 7L))))
                .isTrue();
    }

    @Test
    void otherFailuresAreNotRetried() {
        assertThat(ConcurrentFindingUpdates.stale(new IllegalStateException("connection refused")))
                .isFalse();
    }
}
