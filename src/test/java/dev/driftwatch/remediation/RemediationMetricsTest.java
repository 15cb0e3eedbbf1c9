package dev.driftwatch.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.remediation.RemediationEvent.Step;
import org.junit.jupiter.api.Test;

/** The outcome label of driftwatch_remediations_total: the step, and for a skip the reason's code. */
class RemediationMetricsTest {

    @Test
    void aSkipIsCountedByItsReasonCode() {
        assertThat(RemediationMetrics.outcome(Step.SKIPPED, SkipReason.STALE.because("nothing left")))
                .isEqualTo("skipped_stale");
        assertThat(RemediationMetrics.outcome(Step.SKIPPED, SkipReason.OPT_OUT.because("tagged")))
                .isEqualTo("skipped_opt_out");
        assertThat(RemediationMetrics.outcome(Step.AWAITING_APPROVAL, null)).isEqualTo("awaiting_approval");
        assertThat(RemediationMetrics.outcome(Step.FAILED, "ec2:X: AWS refused"))
                .isEqualTo("failed");
    }
}
