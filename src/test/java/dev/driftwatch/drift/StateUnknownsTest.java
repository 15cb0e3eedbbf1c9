package dev.driftwatch.drift;

import static dev.driftwatch.drift.Estate.attrs;
import static dev.driftwatch.drift.Estate.compare;
import static dev.driftwatch.drift.Estate.expected;
import static dev.driftwatch.drift.Estate.live;
import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.resource.AttributeDiff;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An attribute a state entry does not hold at all is not known, and not compared; one held as null is. */
class StateUnknownsTest {

    private final DriftComparator comparator = Estate.comparator(false);

    @Test
    void anAttributeTheStateDoesNotHoldIsNotCompared() {
        // aws_kms_key as provider 3.x wrote it: no multi_region yet.
        Map<String, Object> state = attrs("id", "k1", "description", "app", "tags", Map.of("Team", "sec"));
        Map<String, Object> cloud =
                attrs("id", "k1", "description", "app", "multi_region", false, "tags", Map.of("Team", "sec"));

        assertThat(compare(
                                comparator,
                                List.of(live("aws_kms_key", "k1", cloud)),
                                List.of(expected("aws_kms_key", "app", "k1", state)),
                                "aws_kms_key")
                        .observations())
                .isEmpty();
    }

    @Test
    void anAttributeTheStateHoldsAsNullIsStillCompared() {
        Map<String, Object> state = attrs("id", "k1", "description", "app", "multi_region", null);
        Map<String, Object> cloud = attrs("id", "k1", "description", "app", "multi_region", true);

        assertThat(compare(
                                comparator,
                                List.of(live("aws_kms_key", "k1", cloud)),
                                List.of(expected("aws_kms_key", "app", "k1", state)),
                                "aws_kms_key")
                        .observations())
                .singleElement()
                .satisfies(o -> assertThat(o.diffs()).containsExactly(new AttributeDiff("multi_region", null, true)));
    }

    @Test
    void aStateWithOnlyTagsAllStillComparesTagsAndATypeWithFixedAttributesLeavesOutWhatTheStateLacks() {
        Map<String, Object> state = attrs("id", "r1", "name", "app", "path", "/", "tags_all", Map.of("Team", "a"));
        Map<String, Object> cloud = attrs(
                "id", "r1", "name", "app", "path", "/", "max_session_duration", 7200, "tags", Map.of("Team", "b"));

        assertThat(compare(
                                comparator,
                                List.of(live("aws_iam_role", "r1", cloud)),
                                List.of(expected("aws_iam_role", "app", "r1", state)),
                                "aws_iam_role")
                        .observations())
                .singleElement()
                .satisfies(o -> assertThat(o.diffs()).containsExactly(new AttributeDiff("tags.Team", "a", "b")));
    }

    @Test
    void keysMissingInsideAnAttributeTheStateHoldsAreStillDrift() {
        Map<String, Object> state = attrs("id", "q", "tags", Map.of("Team", "a"));
        Map<String, Object> cloud = attrs("id", "q", "tags", Map.of("Team", "a", "Owner", "bob"));

        assertThat(compare(
                                comparator,
                                List.of(live("aws_sqs_queue", "q", cloud)),
                                List.of(expected("aws_sqs_queue", "q", "q", state)),
                                "aws_sqs_queue")
                        .observations())
                .singleElement()
                .satisfies(o -> assertThat(o.diffs()).containsExactly(new AttributeDiff("tags.Owner", null, "bob")));
    }
}
