package dev.driftwatch.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.finding.FindingKind;
import dev.driftwatch.finding.FindingStatus;
import dev.driftwatch.finding.FindingView;
import dev.driftwatch.remediation.action.RemediationAction;
import dev.driftwatch.remediation.action.RevertBucketEncryption;
import dev.driftwatch.remediation.action.RevertBucketPublicAccessBlock;
import dev.driftwatch.remediation.action.RevertBucketVersioning;
import dev.driftwatch.remediation.action.RevertKeyRotation;
import dev.driftwatch.remediation.action.RevertMetadataOptions;
import dev.driftwatch.remediation.action.RevertRdsSettings;
import dev.driftwatch.remediation.action.RevertSecurityGroupRules;
import dev.driftwatch.remediation.action.RevertTags;
import dev.driftwatch.remediation.action.RevokeWorldIngress;
import dev.driftwatch.resource.AttributeDiff;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The revert whose type matches and whose paths cover every diff of the finding. */
class DriftRevertTest {

    private static final List<RemediationAction> ACTIONS = List.of(
            new RevokeWorldIngress(),
            new RevertTags(),
            new RevertSecurityGroupRules(),
            new RevertRdsSettings(),
            new RevertKeyRotation(),
            new RevertBucketVersioning(),
            new RevertBucketPublicAccessBlock(),
            new RevertBucketEncryption(),
            new RevertMetadataOptions());

    @Test
    void tagsGoBackWithRevertTagsKeyedByTheTag() {
        DriftRevert revert = DriftRevert.of(
                changed(
                        "aws_security_group",
                        new AttributeDiff("tags.Team", "web", "ops"),
                        new AttributeDiff("tags.a.b", null, "x")),
                ACTIONS);

        assertThat(revert.action()).isEqualTo("revert-tags");
        assertThat(revert.parameters().get("expected")).isEqualTo(mapWithNull("Team", "web", "a.b"));
        assertThat(revert.parameters().get("seen")).isEqualTo(Map.of("Team", "ops", "a.b", "x"));
    }

    @Test
    void rulesGoBackWithRevertSecurityGroupRules() {
        DriftRevert revert = DriftRevert.of(
                changed(
                        "aws_security_group",
                        new AttributeDiff("ingress", List.of("tcp 443-443 0.0.0.0/0"), List.of("tcp 22-22 0.0.0.0/0")),
                        new AttributeDiff("egress", List.of(), List.of("-1 all 0.0.0.0/0"))),
                ACTIONS);

        assertThat(revert.action()).isEqualTo("revert-security-group-rules");
        assertThat(revert.parameters().get("expected"))
                .isEqualTo(Map.of("ingress", List.of("tcp 443-443 0.0.0.0/0"), "egress", List.of()));
    }

    @Test
    void eachTypeHasItsRevert() {
        assertThat(actionFor("aws_db_instance", "deletion_protection", "backup_retention_period"))
                .isEqualTo("revert-rds-settings");
        assertThat(actionFor("aws_kms_key", "enable_key_rotation")).isEqualTo("revert-key-rotation");
        assertThat(actionFor("aws_s3_bucket_versioning", "versioning_configuration"))
                .isEqualTo("revert-bucket-versioning");
        assertThat(actionFor("aws_s3_bucket_public_access_block", "block_public_acls", "restrict_public_buckets"))
                .isEqualTo("revert-bucket-public-access-block");
        assertThat(actionFor("aws_s3_bucket_server_side_encryption_configuration", "rule"))
                .isEqualTo("revert-bucket-encryption");
        assertThat(actionFor("aws_instance", "metadata_options")).isEqualTo("revert-metadata-options");
    }

    @Test
    void aFindingNoOneActionCoversNamesNoAction() {
        assertThat(actionFor("aws_security_group", "tags.Team", "ingress"))
                .as("tags and rules together")
                .isEqualTo("revert-ingress+tags");
        assertThat(actionFor("aws_db_instance", "deletion_protection", "instance_class"))
                .isEqualTo("revert-deletion_protection+instance_class");
        assertThat(actionFor("aws_vpc", "cidr_block")).isEqualTo("revert-cidr_block");
        assertThat(actionFor("aws_kms_key", "deletion_protection"))
                .as("a path of another type's revert")
                .isEqualTo("revert-deletion_protection");
        assertThat(DriftRevert.of(changed("aws_db_instance"), ACTIONS).parameters())
                .isEmpty();
    }

    private static String actionFor(String type, String... paths) {
        return DriftRevert.of(
                        changed(
                                type,
                                java.util.Arrays.stream(paths)
                                        .map(p -> new AttributeDiff(p, true, false))
                                        .toArray(AttributeDiff[]::new)),
                        ACTIONS)
                .action();
    }

    private static Map<String, Object> mapWithNull(String key, Object value, String nullKey) {
        Map<String, Object> map = new java.util.HashMap<>();
        map.put(key, value);
        map.put(nullKey, null);
        return map;
    }

    private static FindingView changed(String type, AttributeDiff... diffs) {
        Instant now = Instant.parse("2026-12-05T10:00:00Z");
        return new FindingView(
                1,
                "f",
                FindingKind.CHANGED,
                FindingStatus.OPEN,
                1,
                "222222222222",
                "us-east-1",
                type,
                "id-1",
                null,
                null,
                null,
                null,
                List.of(),
                "aws_x.y",
                "s.tfstate",
                List.of(diffs),
                now,
                now,
                null,
                null);
    }
}
