package dev.driftwatch.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The descriptors are complete and what is generated from them is current. That every collected type has a
 * collector (and no collector lacks a descriptor) is {@code ResourceTypesIT}'s, which needs the service's beans.
 */
class ResourceTypeCatalogTest {

    @BeforeAll
    static void regenerateWhenAsked() throws Exception {
        if (Boolean.getBoolean("driftwatch.regenerate")) {
            ResourceTypeTables.regenerate();
        }
    }

    @Test
    void everyCollectedTypeHasItsRowInTheDocsAndTheTableIsCurrent() {
        assertThat(ResourceTypeTables.collectedWithoutDocRow())
                .as("types without a row in" + " " + ResourceTypeTables.DOC)
                .isEmpty();
        assertThat(ResourceTypeTables.markdownInDoc())
                .as(ResourceTypeTables.DOC + " is stale; run" + " " + ResourceTypeTables.COMMAND)
                .isEqualTo(ResourceTypeTables.markdown());
    }

    @Test
    void theBenchmarksCallModelIsCurrent() {
        assertThat(ResourceTypeTables.read(ResourceTypeTables.API_CALLS))
                .as(ResourceTypeTables.API_CALLS + " is stale; run " + ResourceTypeTables.COMMAND)
                .isEqualTo(ResourceTypeTables.apiCallsJson());
    }

    @Test
    void theScannerRoleAllowsExactlyTheCollectorsCalls() {
        assertThat(ResourceTypeTables.read(ResourceTypeTables.SCANNER_ACTIONS))
                .as(ResourceTypeTables.SCANNER_ACTIONS + " is stale; run " + ResourceTypeTables.COMMAND)
                .isEqualTo(ResourceTypeTables.scannerActionsJson());
        assertThat(IamActions.toRead())
                .contains("ec2:DescribeVpcs", "s3:ListAllMyBuckets", "s3:GetAccountPublicAccessBlock")
                .contains("logs:DescribeLogGroups", "s3:GetEncryptionConfiguration")
                .allMatch(a -> a.matches("[a-z0-9-]+:[A-Z][A-Za-z]+"), "service:Action");
    }

    @Test
    void everyCollectedTypeHasAnImportRuleThatGivesAnIdOrAReason() {
        assertThat(ResourceTypeCatalog.collectedTypes()).hasSize(42).allSatisfy(type -> {
            ImportId id = ResourceTypeCatalog.of(type).importRule().of("some-id", Map.of(), "us-east-1");
            assertThat(id.value() == null)
                    .as(type + ": an import id xor a" + " reason")
                    .isNotEqualTo(id.cannotBecause() == null);
        });
    }

    @Test
    void familiesPointAtCollectedTypes() {
        assertThat(ResourceTypeCatalog.all()).allSatisfy(d -> {
            assertThat(ResourceTypeCatalog.collectedTypes())
                    .as(d.type() + "'s live type")
                    .contains(d.liveType());
            if (d.family().hasParent()) {
                assertThat(ResourceTypeCatalog.collectedTypes())
                        .as(d.type() + "'s" + " parent")
                        .contains(d.family().parentType());
                assertThat(d.family().parentIdAttribute())
                        .as(d.type() + "'s parent id attribute")
                        .isNotBlank();
            }
        });
        assertThat(ResourceTypeCatalog.liveType("aws_default_vpc")).isEqualTo("aws_vpc");
        assertThat(ResourceTypeCatalog.liveType("aws_iam_group")).isEqualTo("aws_iam_group");
    }

    @Test
    void scopeComesFromTheDescriptorNotTheName() {
        assertThat(ResourceTypeCatalog.of("aws_iam_role").scope()).isEqualTo(Scope.GLOBAL);
        assertThat(ResourceTypeCatalog.of("aws_account_root").scope().readInGlobalScan())
                .isTrue();
        assertThat(ResourceTypeCatalog.of("aws_ebs_encryption_by_default").scope())
                .isEqualTo(Scope.REGIONAL);
        assertThat(ResourceTypeCatalog.all())
                .allSatisfy(d -> assertThat(d.scope().readInGlobalScan())
                        .as(d.type())
                        .isEqualTo(d.service().equals("iam") || d.service().equals("s3")));
    }

    @Test
    void stateIdsMapTerraformsIdToTheCollectorsOne() {
        assertThat(ResourceTypeCatalog.of("aws_iam_role_policy_attachment")
                        .stateId()
                        .idOf(Map.of("id", "role-2026", "role", "app", "policy_arn", "arn:aws:iam::aws:policy/X")))
                .isEqualTo("app-arn:aws:iam::aws:policy/X");
        assertThat(ResourceTypeCatalog.of("aws_ebs_encryption_by_default")
                        .stateId()
                        .idOf(Map.of("id", "terraform-123")))
                .isEqualTo("ebs-encryption-by-default");
        assertThat(ResourceTypeCatalog.of("aws_vpc").stateId().idOf(Map.of("id", "vpc-1")))
                .isEqualTo("vpc-1");
    }
}
