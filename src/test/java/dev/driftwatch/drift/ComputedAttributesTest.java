package dev.driftwatch.drift;

import static dev.driftwatch.drift.Estate.attrs;
import static dev.driftwatch.drift.Estate.compare;
import static dev.driftwatch.drift.Estate.expected;
import static dev.driftwatch.drift.Estate.live;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Attributes the provider or AWS fills in (ARNs, owners, AWS's ids and timestamps) are not configuration; of
 * the many a state holds, only those a collector reports as configuration are compared.
 */
class ComputedAttributesTest {

    private final DriftComparator comparator = Estate.comparator(false);

    @Test
    void computedAttributesTheCollectorReportsAreNotCompared() {
        // A rule revoked and re-added by hand with the same content: AWS gave it a new rule id, nothing else changed.
        Map<String, Object> state = rule("sgr-0aaa", "arn:aws:ec2:eu-west-1:123456789012:security-group-rule/sgr-0aaa");
        Map<String, Object> cloud =
                rule("sgr-0bbb", "arn:aws-us-gov:ec2:eu-west-1:123456789012:security-group-rule/sgr-0bbb");
        cloud.put("owner_id", "210987654321");

        assertThat(compare(
                                comparator,
                                List.of(live("aws_security_group_rule", "sgrule-1", cloud)),
                                List.of(expected("aws_security_group_rule", "ssh", "sgrule-1", state)),
                                "aws_security_group_rule")
                        .observations())
                .isEmpty();
    }

    @Test
    void stateOnlyAttributesAreNotCompared() {
        // What the provider stores besides (timeouts, name_prefix, revoke_rules_on_delete) is not read from AWS.
        Map<String, Object> state = attrs(
                "id",
                "vol-1",
                "availability_zone",
                "eu-west-1a",
                "size",
                8,
                "encrypted",
                true,
                "final_snapshot",
                false,
                "timeouts",
                null,
                "multi_attach_enabled",
                false,
                "create_time",
                "2026-01-01T00:00:00Z");
        Map<String, Object> cloud = attrs(
                "id",
                "vol-1",
                "availability_zone",
                "eu-west-1a",
                "size",
                8,
                "encrypted",
                true,
                "multi_attach_enabled",
                false,
                "create_time",
                "2026-03-03T10:00:00Z");

        assertThat(compare(
                                comparator,
                                List.of(live("aws_ebs_volume", "vol-1", cloud)),
                                List.of(expected("aws_ebs_volume", "data", "vol-1", state)),
                                "aws_ebs_volume")
                        .observations())
                .isEmpty();
    }

    @Test
    void configurationNextToComputedAttributesIsStillCompared() {
        Map<String, Object> state = rule("sgr-0aaa", "arn:a");
        Map<String, Object> cloud = rule("sgr-0bbb", "arn:b");
        cloud.put("to_port", 23);

        assertThat(compare(
                                comparator,
                                List.of(live("aws_security_group_rule", "sgrule-1", cloud)),
                                List.of(expected("aws_security_group_rule", "ssh", "sgrule-1", state)),
                                "aws_security_group_rule")
                        .observations())
                .singleElement()
                .satisfies(o -> assertThat(o.diffs()).extracting(d -> d.path()).containsExactly("to_port"));
    }

    private static Map<String, Object> rule(String awsId, String arn) {
        return attrs(
                "arn",
                arn,
                "cidr_blocks",
                List.of("10.0.0.0/8"),
                "description",
                "ssh",
                "from_port",
                22,
                "id",
                "sgrule-1",
                "ipv6_cidr_blocks",
                List.of(),
                "prefix_list_ids",
                List.of(),
                "protocol",
                "tcp",
                "security_group_id",
                "sg-1",
                "security_group_rule_id",
                awsId,
                "self",
                false,
                "source_security_group_id",
                null,
                "to_port",
                22,
                "type",
                "ingress",
                "tags",
                Map.of());
    }
}
