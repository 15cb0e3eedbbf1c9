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

/**
 * A provider with {@code default_tags} writes the resource's own tags in {@code tags} and all of them in
 * {@code tags_all}; the cloud holds all of them. Only a tag that really differs is drift.
 */
class TagNormalisationTest {

    private static final String VPC = "aws_vpc";
    private static final Map<String, Object> DEFAULT_TAGS = Map.of("Env", "prod", "CostCentre", "42");

    private final DriftComparator comparator = Estate.comparator(false);

    @Test
    void defaultTagsInTheCloudAreNotDrift() {
        assertThat(compare(
                                comparator,
                                List.of(liveVpc(Map.of("Name", "main", "Env", "prod", "CostCentre", "42"))),
                                List.of(stateVpc(Map.of("Name", "main"), withDefaults(Map.of("Name", "main")))),
                                VPC)
                        .observations())
                .isEmpty();
    }

    @Test
    void aStateWithoutDefaultTagsComparesItsOwnTags() {
        // Older providers write no tags_all; the tags are then all there is.
        assertThat(compare(
                                comparator,
                                List.of(liveVpc(Map.of("Name", "main"))),
                                List.of(stateVpc(Map.of("Name", "main"), null)),
                                VPC)
                        .observations())
                .isEmpty();
    }

    @Test
    void aTagOnlyDefaultTagsGaveRemovedByHandIsDrift() {
        var drift = compare(
                        comparator,
                        List.of(liveVpc(Map.of("Name", "main", "Env", "prod"))),
                        List.of(stateVpc(Map.of("Name", "main"), withDefaults(Map.of("Name", "main")))),
                        VPC)
                .observations();

        assertThat(drift).singleElement().satisfies(o -> assertThat(o.diffs())
                .containsExactly(new AttributeDiff("tags.CostCentre", "42", null)));
    }

    @Test
    void aTagAddedByHandIsDrift() {
        var drift = compare(
                        comparator,
                        List.of(liveVpc(Map.of("Name", "main", "Env", "prod", "CostCentre", "42", "Owner", "bob"))),
                        List.of(stateVpc(Map.of("Name", "main"), withDefaults(Map.of("Name", "main")))),
                        VPC)
                .observations();

        assertThat(drift).singleElement().satisfies(o -> assertThat(o.diffs())
                .containsExactly(new AttributeDiff("tags.Owner", null, "bob")));
    }

    @Test
    void aDefaultTagChangedByHandIsDriftOnSecurityGroupsToo() {
        Map<String, Object> state = attrs(
                "id",
                "sg-1",
                "name",
                "web",
                "description",
                "d",
                "vpc_id",
                "vpc-1",
                "ingress",
                List.of(),
                "egress",
                List.of(),
                "tags",
                Map.of(),
                "tags_all",
                DEFAULT_TAGS);
        Map<String, Object> cloud = attrs(
                "id",
                "sg-1",
                "name",
                "web",
                "description",
                "d",
                "vpc_id",
                "vpc-1",
                "ingress",
                List.of(),
                "egress",
                List.of(),
                "tags",
                Map.of("Env", "prod", "CostCentre", "43"));
        Map<String, Object> sameAsState = attrs(
                "id",
                "sg-1",
                "name",
                "web",
                "description",
                "d",
                "vpc_id",
                "vpc-1",
                "ingress",
                List.of(),
                "egress",
                List.of(),
                "tags",
                DEFAULT_TAGS);
        var sg = expected("aws_security_group", "web", "sg-1", state);

        assertThat(compare(
                                comparator,
                                List.of(live("aws_security_group", "sg-1", sameAsState)),
                                List.of(sg),
                                "aws_security_group")
                        .observations())
                .isEmpty();
        assertThat(compare(
                                comparator,
                                List.of(live("aws_security_group", "sg-1", cloud)),
                                List.of(sg),
                                "aws_security_group")
                        .observations())
                .singleElement()
                .satisfies(
                        o -> assertThat(o.diffs()).containsExactly(new AttributeDiff("tags.CostCentre", "42", "43")));
    }

    private static Map<String, Object> withDefaults(Map<String, Object> own) {
        Map<String, Object> all = new java.util.TreeMap<>(DEFAULT_TAGS);
        all.putAll(own);
        return all;
    }

    /** As the provider writes an aws_vpc into a state. */
    private static dev.driftwatch.baseline.ExpectedResource stateVpc(
            Map<String, Object> tags, Map<String, Object> tagsAll) {
        return expected(
                VPC,
                "main",
                "vpc-1",
                attrs(
                        "arn",
                        "arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-1",
                        "assign_generated_ipv6_cidr_block",
                        false,
                        "cidr_block",
                        "10.0.0.0/16",
                        "default_network_acl_id",
                        "acl-1",
                        "default_route_table_id",
                        "rtb-1",
                        "default_security_group_id",
                        "sg-0",
                        "dhcp_options_id",
                        "dopt-1",
                        "enable_dns_hostnames",
                        true,
                        "enable_dns_support",
                        true,
                        "enable_network_address_usage_metrics",
                        false,
                        "id",
                        "vpc-1",
                        "instance_tenancy",
                        "default",
                        "ipv4_ipam_pool_id",
                        null,
                        "ipv6_association_id",
                        "",
                        "ipv6_cidr_block",
                        "",
                        "main_route_table_id",
                        "rtb-1",
                        "owner_id",
                        "123456789012",
                        "tags",
                        tags,
                        "tags_all",
                        tagsAll));
    }

    /** As VpcCollector reports it. */
    private static dev.driftwatch.resource.CloudResource liveVpc(Map<String, Object> tags) {
        return live(
                VPC,
                "vpc-1",
                attrs(
                        "arn",
                        "arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-1",
                        "cidr_block",
                        "10.0.0.0/16",
                        "default_route_table_id",
                        "rtb-1",
                        "dhcp_options_id",
                        "dopt-1",
                        "enable_dns_hostnames",
                        true,
                        "enable_dns_support",
                        true,
                        "id",
                        "vpc-1",
                        "instance_tenancy",
                        "default",
                        "ipv6_association_id",
                        "",
                        "ipv6_cidr_block",
                        "",
                        "main_route_table_id",
                        "rtb-1",
                        "owner_id",
                        "123456789012",
                        "tags",
                        tags));
    }
}
