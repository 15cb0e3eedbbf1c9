package dev.driftwatch.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TargetLeaseTest {

    @Test
    void aLeaseNamesItsTargetPurposeAndHolder() {
        assertThatThrownBy(() -> new TargetLease(" ", LockPurpose.SCAN, "replica-1", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("target");
        assertThatThrownBy(() -> new TargetLease("123456789012/us-east-1", LockPurpose.SCAN, null, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLostLockSaysWhichTargetAndGenerations() {
        TargetLease lease = new TargetLease("123456789012/us-east-1", LockPurpose.SCAN, "replica-1", 3);
        assertThat(new LostTargetLock(lease, "generation 4"))
                .hasMessage("lost the target lock of 123456789012/us-east-1 (generation 3; now generation 4)");
    }
}
