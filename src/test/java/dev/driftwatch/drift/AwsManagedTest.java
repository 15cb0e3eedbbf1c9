package dev.driftwatch.drift;

import static dev.driftwatch.drift.Estate.attrs;
import static dev.driftwatch.drift.Estate.awsOwned;
import static dev.driftwatch.drift.Estate.compare;
import static dev.driftwatch.drift.Estate.live;
import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.resource.CloudResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What AWS creates in every account belongs to no one's state: AWS-managed, not UNMANAGED, unless strict.
 * Pseudo-resources and AWS defaults standing in for absent settings are never UNMANAGED, strict or not.
 */
class AwsManagedTest {

    private static final String[] READ = {
        "aws_vpc",
        "aws_subnet",
        "aws_route_table",
        "aws_security_group",
        "aws_iam_role",
        "aws_account_root",
        "aws_iam_account_password_policy",
        "aws_s3_account_public_access_block",
        "aws_ebs_snapshot_public_access",
        "aws_ebs_encryption_by_default",
        "aws_s3_bucket_versioning"
    };

    private final List<CloudResource> awsManaged = List.of(
            awsOwned("aws_vpc", "vpc-default", attrs("id", "vpc-default", "cidr_block", "172.31.0.0/16")),
            awsOwned("aws_subnet", "subnet-default-a", attrs("id", "subnet-default-a", "vpc_id", "vpc-default")),
            awsOwned("aws_route_table", "rtb-main", attrs("id", "rtb-main", "vpc_id", "vpc-default")),
            // marked by their collectors: the VPC's default group, a service-linked role
            awsOwned(
                    "aws_security_group",
                    "sg-default",
                    attrs("id", "sg-default", "name", "default", "vpc_id", "vpc-default")),
            awsOwned(
                    "aws_iam_role",
                    "AWSServiceRoleForSupport",
                    attrs(
                            "id",
                            "AWSServiceRoleForSupport",
                            "name",
                            "AWSServiceRoleForSupport",
                            "path",
                            "/aws-service-role/support.amazonaws.com/")));

    private final List<CloudResource> placeholders = List.of(
            awsOwned("aws_account_root", Estate.ACCOUNT, attrs("id", Estate.ACCOUNT, "mfa_enabled", true)),
            awsOwned(
                    "aws_iam_account_password_policy",
                    "iam-account-password-policy",
                    attrs("id", "iam-account-password-policy")),
            awsOwned(
                    "aws_s3_account_public_access_block",
                    Estate.ACCOUNT,
                    attrs("id", Estate.ACCOUNT, "block_public_acls", false)),
            awsOwned("aws_ebs_snapshot_public_access", "snap-1", attrs("id", "snap-1", "public", true)),
            awsOwned("aws_ebs_encryption_by_default", "ebs-encryption-by-default", attrs("enabled", false)),
            live(
                    "aws_s3_bucket_versioning",
                    "logs",
                    attrs(
                            "id",
                            "logs",
                            "bucket",
                            "logs",
                            "versioning_configuration",
                            List.of(Map.of("status", "Disabled", "mfa_delete", "")))));

    private final CloudResource handMade =
            live("aws_iam_role", "deployer", attrs("id", "deployer", "name", "deployer", "path", "/"));

    @Test
    void awsOwnedResourcesAreNotUnmanaged() {
        var drift = compare(Estate.comparator(false), all(), List.of(), READ).observations();

        assertThat(drift).extracting(o -> o.resource().id()).containsExactly("deployer");
    }

    @Test
    void strictModeReportsAwsOwnedResourcesButNeverPlaceholders() {
        var drift = compare(Estate.comparator(true), all(), List.of(), READ).observations();

        assertThat(drift)
                .allSatisfy(o -> assertThat(o.kind()).isEqualTo(DriftKind.UNMANAGED))
                .extracting(o -> o.resource().id())
                .containsExactlyInAnyOrder(
                        "deployer",
                        "vpc-default",
                        "subnet-default-a",
                        "rtb-main",
                        "sg-default",
                        "AWSServiceRoleForSupport");
    }

    @Test
    void anAwsOwnedResourceAStateManagesIsComparedAsUsual() {
        var state = Estate.expected(
                "aws_default_vpc",
                "default",
                "vpc-default",
                attrs("id", "vpc-default", "cidr_block", "172.31.0.0/16", "tags", Map.of("Name", "default")));

        CloudResource defaultVpc = awsOwned(
                "aws_vpc", "vpc-default", attrs("id", "vpc-default", "cidr_block", "172.31.0.0/16", "tags", Map.of()));

        var drift = compare(Estate.comparator(true), List.of(defaultVpc), List.of(state), "aws_vpc")
                .observations();

        assertThat(drift).singleElement().satisfies(o -> {
            assertThat(o.kind()).isEqualTo(DriftKind.CHANGED);
            assertThat(o.address()).isEqualTo("aws_default_vpc.default");
        });
    }

    private List<CloudResource> all() {
        List<CloudResource> all = new java.util.ArrayList<>(awsManaged);
        all.addAll(placeholders);
        all.add(handMade);
        return all;
    }
}
