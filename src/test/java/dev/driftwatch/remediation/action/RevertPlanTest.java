package dev.driftwatch.remediation.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** now as the state has it: nothing; as the finding saw it: write; anything else: moved. */
class RevertPlanTest {

    @Test
    void aValueStillAsTheFindingSawItIsWrittenBack() {
        RevertPlan plan = RevertPlan.of(
                Map.of("deletion_protection", true),
                Map.of("deletion_protection", false),
                Map.of("deletion_protection", false));

        assertThat(plan.writes()).containsExactly(Map.entry("deletion_protection", true));
        assertThat(plan.isMoved()).isFalse();
    }

    @Test
    void aValueAlreadyAsTheStateHasItIsDone() {
        RevertPlan plan = RevertPlan.of(Map.of("x", 7), Map.of("x", 1), Map.of("x", 7));

        assertThat(plan.isDone()).isTrue();
    }

    @Test
    void aValueChangedAgainSinceTheFindingMovedAndNothingIsWritten() {
        RevertPlan plan =
                RevertPlan.of(Map.of("a", 7, "b", true), Map.of("a", 1, "b", false), Map.of("a", 3, "b", false));

        assertThat(plan.isMoved()).isTrue();
        assertThat(plan.moved()).containsExactly("a");
    }

    @Test
    void valuesCompareAsDriftComparesThem() {
        // numbers by value (JSON may give 7 back as a long or 7.0), lists as sets, null as empty
        Map<String, Object> expected = new HashMap<>();
        expected.put("retention", 7L);
        expected.put("ingress", List.of("tcp 22-22 10.0.0.0/8", "tcp 443-443 0.0.0.0/0"));
        expected.put("tag", null);
        Map<String, Object> now = Map.of(
                "retention", 7.0, "ingress", List.of("tcp 443-443 0.0.0.0/0", "tcp 22-22 10.0.0.0/8"), "tag", "");

        assertThat(RevertPlan.of(expected, Map.of(), now).isDone()).isTrue();
    }

    @Test
    void anAttributeAbsentNowIsCompared() {
        Map<String, Object> expected = new HashMap<>();
        expected.put("Temp", null);
        RevertPlan plan = RevertPlan.of(expected, Map.of("Temp", "debugging"), Map.of("Temp", "debugging"));

        assertThat(plan.writes()).containsEntry("Temp", null);
    }

    @Test
    void theTargetsParametersAreTheExpectedAndSeenMaps() {
        Target target = new Target(
                "sg-1", Map.of("expected", Map.of("ingress", List.of()), "seen", Map.of("ingress", List.of("x"))));

        assertThat(RevertPlan.of(target, Map.of("ingress", List.of("x"))).writes())
                .containsExactly(Map.entry("ingress", List.of()));
    }
}
