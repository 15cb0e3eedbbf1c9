package dev.driftwatch.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.inventory.ResourceTypes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportBlocksTest {

    private static final String ACCOUNT = "123456789012";

    @Test
    void everyCollectedTypeHasAnImportIdFormatOrAReason() {
        assertThat(ResourceTypes.COLLECTED)
                .allSatisfy(type -> assertThat(ImportIds.knows(type)).as(type).isTrue());
    }

    @Test
    void oneBlockPerResourceNamedFromTheNameTag() {
        String hcl = ImportBlocks.render(
                List.of(resource("aws_security_group", "sg-0abc", Map.of("tags", Map.of("Name", "Demo Debug!")))));

        assertThat(hcl).contains("""
                # 123456789012 us-east-1
                import {
                  to = aws_security_group.demo_debug
                  id = "sg-0abc"
                }
                """);
        assertThat(hcl).doesNotContain("provider");
    }

    @Test
    void namesFallBackToTheNameThenTheIdAndNeverStartWithADigit() {
        assertThat(ImportBlocks.name(
                        resource("aws_sqs_queue", "http://sqs/123456789012/orders-dlq", Map.of("name", "orders-dlq"))))
                .isEqualTo("orders_dlq");
        assertThat(ImportBlocks.name(resource("aws_sns_topic", "arn:aws:sns:us-east-1:123456789012:alerts", Map.of())))
                .isEqualTo("alerts");
        assertThat(ImportBlocks.name(resource("aws_s3_bucket", "2024-logs.example.com", Map.of())))
                .isEqualTo("r_2024_logs_example_com");
        assertThat(ImportBlocks.name(resource("aws_vpc", "vpc-1", Map.of("tags", Map.of("Name", "---")))))
                .isEqualTo("vpc_1");
    }

    @Test
    void clashingNamesOfOneTypeGetANumber() {
        String hcl = ImportBlocks.render(List.of(
                resource("aws_vpc", "vpc-1", Map.of("tags", Map.of("Name", "main"))),
                resource("aws_vpc", "vpc-2", Map.of("tags", Map.of("Name", "main"))),
                resource("aws_subnet", "subnet-1", Map.of("tags", Map.of("Name", "main")))));

        assertThat(hcl).contains("to = aws_vpc.main\n", "to = aws_vpc.main_2\n", "to = aws_subnet.main\n");
    }

    @Test
    void importIdIsWhatTheProviderWantsNotAlwaysTheResourceId() {
        String hcl = ImportBlocks.render(List.of(
                resource(
                        "aws_iam_role_policy_attachment",
                        "deployer-arn:aws:iam::aws:policy/ReadOnlyAccess",
                        Map.of("role", "deployer", "policy_arn", "arn:aws:iam::aws:policy/ReadOnlyAccess")),
                resource("aws_db_instance", "db-ABCDEFGHIJ", Map.of("identifier", "orders"))));

        assertThat(hcl)
                .contains("id = \"deployer/arn:aws:iam::aws:policy/ReadOnlyAccess\"", "id = \"orders\"")
                .doesNotContain("db-ABCDEFGHIJ\"");
    }

    @Test
    void typesThatCannotBeImportedGetACommentAndNoBlock() {
        String hcl = ImportBlocks.render(List.of(
                resource("aws_security_group_rule", "sgrule-1234", Map.of()),
                resource("aws_db_instance", "db-XYZ", Map.of()),
                resource("aws_made_up", "x-1", Map.of())));

        assertThat(hcl)
                .doesNotContain("import {")
                .contains("# cannot import aws_security_group_rule sgrule-1234: its import id lists the rule's sources")
                .contains("# cannot import aws_db_instance db-XYZ: the snapshot has no identifier")
                .contains("# cannot import aws_made_up x-1: no import id format is known for this type");
    }

    @Test
    void templateSequencesAndQuotesStayLiteral() {
        String hcl = ImportBlocks.render(List.of(resource("aws_cloudwatch_log_group", "/app/${env}/\"x\"", Map.of())));

        assertThat(hcl).contains("id = \"/app/$${env}/\\\"x\\\"\"");
    }

    @Test
    void blocksSpanningAccountsSayEachNeedsItsOwnProvider() {
        String hcl = ImportBlocks.render(List.of(
                resource("aws_vpc", "vpc-1", Map.of()),
                new UnmanagedResource("210987654321", "us-east-1", "aws_vpc", "vpc-2", Map.of())));

        assertThat(hcl).contains("They span 2 accounts/regions");
        assertThat(ImportBlocks.render(List.of(resource("aws_vpc", "vpc-1", Map.of()))))
                .doesNotContain("They span");
    }

    private static UnmanagedResource resource(String type, String id, Map<String, Object> attributes) {
        return new UnmanagedResource(ACCOUNT, "us-east-1", type, id, attributes);
    }
}
