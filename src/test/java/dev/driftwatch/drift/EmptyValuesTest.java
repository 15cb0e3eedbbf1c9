package dev.driftwatch.drift;

import static dev.driftwatch.drift.Estate.attrs;
import static dev.driftwatch.drift.Estate.compare;
import static dev.driftwatch.drift.Estate.expected;
import static dev.driftwatch.drift.Estate.live;
import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.resource.AttributeDiff;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The provider writes null, "", [] or {} where AWS reports nothing at all: all of them are one value. */
class EmptyValuesTest {

    private final DriftComparator comparator = Estate.comparator(false);

    @Test
    void nullEmptyStringEmptyListEmptyMapAndAbsentAreEqual() {
        // aws_sqs_queue as the provider writes it, and as the collector reads an unconfigured queue.
        Map<String, Object> state = attrs(
                "id",
                "https://sqs/q",
                "name",
                "q",
                "delay_seconds",
                0,
                "kms_master_key_id",
                "",
                "policy",
                null,
                "redrive_policy",
                "",
                "tags",
                null,
                "tags_all",
                Map.of(),
                "visibility_timeout_seconds",
                30);
        Map<String, Object> cloud = new HashMap<>(attrs(
                "id",
                "https://sqs/q",
                "name",
                "q",
                "delay_seconds",
                0,
                "kms_master_key_id",
                null,
                "policy",
                "",
                "redrive_policy",
                List.of(),
                "tags",
                Map.of(),
                "visibility_timeout_seconds",
                30));
        cloud.remove("redrive_policy");
        cloud.put("redrive_allow_policy", "");

        assertThat(compare(
                                comparator,
                                List.of(live("aws_sqs_queue", "https://sqs/q", cloud)),
                                List.of(expected("aws_sqs_queue", "q", "https://sqs/q", state)),
                                "aws_sqs_queue")
                        .observations())
                .isEmpty();
    }

    @Test
    void aValueWhereTheStateHasNoneIsDrift() {
        Map<String, Object> state = attrs("id", "q", "kms_master_key_id", "", "tags", null);
        Map<String, Object> cloud =
                attrs("id", "q", "kms_master_key_id", "alias/aws/sqs", "tags", Map.of("Owner", "bob"));

        assertThat(compare(
                                comparator,
                                List.of(live("aws_sqs_queue", "q", cloud)),
                                List.of(expected("aws_sqs_queue", "q", "q", state)),
                                "aws_sqs_queue")
                        .observations())
                .singleElement()
                .satisfies(o -> assertThat(o.diffs())
                        .containsExactly(
                                new AttributeDiff("kms_master_key_id", "", "alias/aws/sqs"),
                                new AttributeDiff("tags.Owner", null, "bob")));
    }
}
