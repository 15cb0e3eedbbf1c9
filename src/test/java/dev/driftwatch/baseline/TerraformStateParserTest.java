package dev.driftwatch.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TerraformStateParserTest {

    private static final String SOURCE = "/states/prod/network.tfstate";

    private static final String STATE = """
            {
              "version": 4, "terraform_version": "1.11.4", "serial": 7, "lineage": "6f1c0c5e", "outputs": {},
              "resources": [
                { "module": "module.net", "mode": "managed", "type": "aws_security_group", "name": "web",
                  "provider": "module.net.provider[\\"registry.terraform.io/hashicorp/aws\\"]",
                  "instances": [
                    { "index_key": "a", "schema_version": 1, "sensitive_attributes": [],
                      "identity": { "account_id": "111122223333" }, "identity_schema_version": 0,
                      "attributes": { "id": "sg-0a", "name": "web-a",
                        "arn": "arn:aws:ec2:eu-west-1:111122223333:security-group/sg-0a" } },
                    { "index_key": "b", "schema_version": 1, "sensitive_attributes": [],
                      "attributes": { "id": "sg-0b", "name": "web-b",
                        "arn": "arn:aws:ec2:eu-west-1:111122223333:security-group/sg-0b" } } ] },
                { "mode": "managed", "type": "aws_security_group", "name": "db",
                  "instances": [
                    { "index_key": 0, "attributes": { "id": "sg-db0",
                        "arn": "arn:aws:ec2:us-east-2:444455556666:security-group/sg-db0" } },
                    { "index_key": 1, "attributes": { "id": "sg-db1",
                        "arn": "arn:aws:ec2:us-east-2:444455556666:security-group/sg-db1" } } ] },
                { "mode": "data", "type": "aws_vpc", "name": "main",
                  "instances": [ { "attributes": { "id": "vpc-1", "arn": "arn:aws:ec2:eu-west-1:111122223333:vpc/vpc-1" } } ] },
                { "mode": "managed", "type": "aws_security_group", "name": "replaced",
                  "instances": [
                    { "attributes": { "id": "sg-new", "arn": "arn:aws:ec2:eu-west-1:111122223333:security-group/sg-new" } },
                    { "deposed": "00000001", "attributes": { "id": "sg-old",
                        "arn": "arn:aws:ec2:eu-west-1:111122223333:security-group/sg-old" } } ] }
              ],
              "check_results": [ { "object_kind": "resource", "config_addr": "aws_security_group.web", "status": "pass" } ]
            }
            """;

    @Test
    void readsEveryManagedInstanceWithItsFullAddress() throws Exception {
        List<ExpectedResource> resources = parse(STATE);

        assertThat(resources)
                .extracting(ExpectedResource::address)
                .containsExactly(
                        "module.net.aws_security_group.web[\"a\"]",
                        "module.net.aws_security_group.web[\"b\"]",
                        "aws_security_group.db[0]",
                        "aws_security_group.db[1]",
                        "aws_security_group.replaced");
        assertThat(resources)
                .extracting(r -> r.resource().id())
                .containsExactly("sg-0a", "sg-0b", "sg-db0", "sg-db1", "sg-new")
                .doesNotContain("vpc-1", "sg-old"); // data source and deposed object are not expected resources
        assertThat(resources).allSatisfy(r -> assertThat(r.stateFile()).isEqualTo(SOURCE));
    }

    @Test
    void takesAccountAndRegionFromTheArn() throws Exception {
        assertThat(parse(STATE))
                .extracting(r -> r.resource().account(), r -> r.resource().region())
                .containsExactly(
                        tuple("111122223333", "eu-west-1"),
                        tuple("111122223333", "eu-west-1"),
                        tuple("444455556666", "us-east-2"),
                        tuple("444455556666", "us-east-2"),
                        tuple("111122223333", "eu-west-1"));
    }

    @Test
    void dropsSensitiveAttributesEntirely() throws Exception {
        String state = oneInstance("aws_db_instance", "main", """
                { "attributes": { "id": "db-1", "arn": "arn:aws:rds:eu-west-1:111122223333:db:main",
                    "username": "admin", "password": "hunter2-s3cr3t" },
                  "sensitive_attributes": [ [ { "type": "get_attr", "value": "password" } ] ] }""");

        ExpectedResource db = parse(state).get(0);

        assertThat(db.resource().attributes())
                .containsEntry("username", "admin")
                .doesNotContainKey("password");
        assertThat(db.toString()).doesNotContain("hunter2-s3cr3t");
    }

    @Test
    void dropsTheWholeAttributeAboveANestedSensitivePath() throws Exception {
        String state = oneInstance("aws_db_instance", "main", """
                { "attributes": { "id": "db-1", "arn": "arn:aws:rds:eu-west-1:111122223333:db:main", "engine": "postgres",
                    "master_user": { "name": "admin", "password": "nested-s3cr3t" },
                    "tags": { "Team": "data" } },
                  "sensitive_attributes": [
                    [ { "type": "get_attr", "value": "master_user" }, { "type": "get_attr", "value": "password" } ],
                    [ { "type": "get_attr", "value": "tags" }, { "type": "index", "value": { "value": "Team", "type": "string" } } ] ] }""");

        ExpectedResource db = parse(state).get(0);

        assertThat(db.resource().attributes()).containsOnlyKeys("id", "arn", "engine");
        assertThat(db.toString()).doesNotContain("nested-s3cr3t").doesNotContain("admin");
    }

    /** Terraform 1.12+ and OpenTofu write identity per instance and check results; neither is a resource attribute. */
    @Test
    void readsStatesOfNewerWritersIgnoringWhatItDoesNotKnow() throws Exception {
        String state = """
                { "version": 4, "terraform_version": "1.12.2", "serial": 12, "lineage": "l-1",
                  "outputs": { "vpc": { "value": { "deep": [ { "x": 1 } ] }, "type": [ "object", { "deep": "list" } ] } },
                  "some_future_key": { "nested": [ 1, 2, { "a": null } ] },
                  "resources": [
                    { "module": "module.net[\\"eu\\"]", "mode": "managed", "type": "aws_vpc", "name": "main",
                      "provider": "provider[\\"registry.opentofu.org/hashicorp/aws\\"]", "each": "map", "future_field": [ 1 ],
                      "instances": [
                        { "index_key": "primary", "schema_version": 1, "identity_schema_version": 0,
                          "identity": { "account_id": "111122223333", "id": "vpc-1", "region": "eu-west-1" },
                          "attributes": { "id": "vpc-1", "arn": "arn:aws:ec2:eu-west-1:111122223333:vpc/vpc-1", "cidr_block": "10.0.0.0/16" },
                          "sensitive_attributes": [], "private": "bnVsbA==", "dependencies": [ "module.net.aws_x.y" ],
                          "create_before_destroy": true } ] },
                    { "mode": "managed", "type": "aws_security_group", "name": "gone",
                      "instances": [ { "deposed": "7a3d", "attributes": { "id": "sg-old", "arn": "arn:aws:ec2:eu-west-1:111122223333:security-group/sg-old" } } ] }
                  ],
                  "check_results": [ { "object_kind": "check", "config_addr": "check.health", "status": "fail",
                    "objects": [ { "object_addr": "check.health", "status": "fail", "failure_messages": [ "down" ] } ] } ]
                }
                """;

        List<ExpectedResource> resources = parse(state);

        assertThat(resources).singleElement().satisfies(vpc -> {
            assertThat(vpc.address()).isEqualTo("module.net[\"eu\"].aws_vpc.main[\"primary\"]");
            assertThat(vpc.resource().attributes()).containsOnlyKeys("id", "arn", "cidr_block");
            assertThat(vpc.resource().region()).isEqualTo("eu-west-1");
        });
    }

    @Test
    void resourcesWithoutArnTakeTheLocationConfiguredForTheirProvider() throws Exception {
        String state = """
                { "version": 4, "serial": 1, "lineage": "l", "resources": [
                  { "mode": "managed", "type": "aws_route", "name": "west",
                    "provider": "provider[\\"registry.terraform.io/hashicorp/aws\\"].west",
                    "instances": [ { "attributes": { "id": "r-west" } } ] },
                  { "mode": "managed", "type": "aws_route", "name": "home",
                    "provider": "provider[\\"registry.terraform.io/hashicorp/aws\\"]",
                    "instances": [ { "attributes": { "id": "r-home" } } ] },
                  { "mode": "managed", "type": "aws_security_group", "name": "arn_wins",
                    "provider": "provider[\\"registry.terraform.io/hashicorp/aws\\"].west",
                    "instances": [ { "attributes": { "id": "sg-1", "arn": "arn:aws:ec2:ap-south-1:999999999999:security-group/sg-1" } } ] } ] }
                """;
        StateLocations locations = new StateLocations(
                Map.of("aws.west", new StateLocations.Location(Optional.of("222222222222"), Optional.of("us-west-2"))),
                Optional.of("111111111111"),
                Optional.of("eu-central-1"),
                "driftwatch.baseline.s3.\"net\"");

        List<ExpectedResource> resources = parse(state, new StateResourceMapper(locations));

        assertThat(resources)
                .extracting(r -> r.resource().id(), r -> r.resource().account(), r -> r.resource()
                        .region())
                .containsExactly(
                        tuple("r-west", "222222222222", "us-west-2"),
                        tuple("r-home", "111111111111", "eu-central-1"),
                        tuple("sg-1", "999999999999", "ap-south-1"));
    }

    @Test
    void withoutConfigurationAResourceWithoutArnLivesWhereItsProvidersOtherResourcesLive() throws Exception {
        // An aliased provider in us-west-2 next to the default one in us-east-1: the rule (no ARN) of the
        // aliased provider belongs to us-west-2, not to the file's most common region.
        String state = """
                { "version": 4, "resources": [
                  { "mode": "managed", "type": "aws_security_group", "name": "east",
                    "provider": "provider[\\"registry.terraform.io/hashicorp/aws\\"]",
                    "instances": [
                      { "index_key": 0, "attributes": { "id": "sg-e0", "arn": "arn:aws:ec2:us-east-1:111111111111:security-group/sg-e0" } },
                      { "index_key": 1, "attributes": { "id": "sg-e1", "arn": "arn:aws:ec2:us-east-1:111111111111:security-group/sg-e1" } } ] },
                  { "mode": "managed", "type": "aws_security_group", "name": "west",
                    "provider": "provider[\\"registry.terraform.io/hashicorp/aws\\"].west",
                    "instances": [ { "attributes": { "id": "sg-w", "arn": "arn:aws:ec2:us-west-2:222222222222:security-group/sg-w" } } ] },
                  { "mode": "managed", "type": "aws_security_group_rule", "name": "west_postgres",
                    "provider": "provider[\\"registry.terraform.io/hashicorp/aws\\"].west",
                    "instances": [ { "attributes": { "id": "sgrule-1", "security_group_id": "sg-w" } } ] } ] }
                """;

        ExpectedResource rule = parse(state).stream()
                .filter(r -> r.resource().id().equals("sgrule-1"))
                .findFirst()
                .orElseThrow();

        assertThat(rule.resource().region()).isEqualTo("us-west-2");
        assertThat(rule.resource().account()).isEqualTo("222222222222");
    }

    @Test
    void aStateWhoseSerialAndLineageAreKnownIsNotReadFurther() throws Exception {
        // Everything after the header is broken: reading stopped before it.
        String state = "{\"version\": 4, \"serial\": 7, \"lineage\": \"l-7\", \"resources\": [ {,,, ";
        TerraformStateParser parser = new TerraformStateParser(new ObjectMapper());

        ParsedState parsed = parser.parse(
                SOURCE,
                new ByteArrayInputStream(state.getBytes(StandardCharsets.UTF_8)),
                new StateResourceMapper(Optional.empty(), Optional.empty()),
                new StateHeader(7, "l-7")::equals);

        assertThat(parsed.unchanged()).isTrue();
        assertThat(parsed.header()).isEqualTo(new StateHeader(7, "l-7"));
    }

    @Test
    void withoutArnOrDefaultsTheResourceIsUnlocatedNamingAddressAndSetting() throws Exception {
        String state = oneInstance("aws_route", "out", "{ \"attributes\": { \"id\": \"r-rtb-1\" } }");

        ExpectedResource route = parse(state).get(0);
        assertThat(route.located()).isFalse();
        assertThat(route.unknownLocation()).contains("aws_route.out", "driftwatch.baseline.terraform.default-account");

        StateResourceMapper accountOnly = new StateResourceMapper(Optional.of("999988887777"), Optional.empty());
        assertThat(parse(state, accountOnly).get(0).unknownLocation())
                .contains("cannot tell the region of aws_route.out", "driftwatch.baseline.terraform.default-region");
    }

    @Test
    void aResourceWithoutArnIsNotPlacedWhereTheOtherProvidersResourcesAre() throws Exception {
        // Three groups of the default provider in us-east-1, one rule of the aliased provider and nothing
        // else of it: the file's majority says nothing about where the aliased provider points.
        String state = """
                { "version": 4, "resources": [
                  { "mode": "managed", "type": "aws_security_group", "name": "east",
                    "provider": "provider[\\"registry.terraform.io/hashicorp/aws\\"]",
                    "instances": [
                      { "index_key": 0, "attributes": { "id": "sg-e0", "arn": "arn:aws:ec2:us-east-1:111111111111:security-group/sg-e0" } },
                      { "index_key": 1, "attributes": { "id": "sg-e1", "arn": "arn:aws:ec2:us-east-1:111111111111:security-group/sg-e1" } } ] },
                  { "mode": "managed", "type": "aws_security_group_rule", "name": "west_postgres",
                    "provider": "provider[\\"registry.terraform.io/hashicorp/aws\\"].west",
                    "instances": [ { "attributes": { "id": "sgrule-1", "security_group_id": "sg-w" } } ] } ] }
                """;

        ExpectedResource rule = parse(state).stream()
                .filter(r -> r.resource().id().equals("sgrule-1"))
                .findFirst()
                .orElseThrow();

        assertThat(rule.located()).isFalse();
        assertThat(rule.unknownLocation())
                .startsWith("cannot tell the account of aws_security_group_rule.west_postgres")
                .contains(
                        "driftwatch.baseline.providers.\"aws.west\".account or driftwatch.baseline.terraform.default-account");
    }

    @Test
    void aProviderWhoseResourcesAreInSeveralRegionsLocatesNoResourceWithoutArn() throws Exception {
        String state = """
                { "version": 4, "resources": [
                  { "mode": "managed", "type": "aws_security_group", "name": "a",
                    "provider": "provider[\\"registry.terraform.io/hashicorp/aws\\"]",
                    "instances": [
                      { "index_key": 0, "attributes": { "id": "sg-1", "arn": "arn:aws:ec2:us-east-1:111111111111:security-group/sg-1" } },
                      { "index_key": 1, "attributes": { "id": "sg-2", "arn": "arn:aws:ec2:eu-west-1:111111111111:security-group/sg-2" } } ] },
                  { "mode": "managed", "type": "aws_route", "name": "r",
                    "provider": "provider[\\"registry.terraform.io/hashicorp/aws\\"]",
                    "instances": [ { "attributes": { "id": "r-1" } } ] } ] }
                """;

        ExpectedResource route = parse(state).stream()
                .filter(r -> r.resource().id().equals("r-1"))
                .findFirst()
                .orElseThrow();

        assertThat(route.resource().account()).isEqualTo("111111111111");
        assertThat(route.unknownLocation())
                .contains(
                        "cannot tell the region of aws_route.r",
                        "eu-west-1, us-east-1",
                        "driftwatch.baseline.providers.\"aws\".region");
    }

    @Test
    void theRegionAttributeOfProviderSixLocatesAResourceWithoutArn() throws Exception {
        String state = oneInstance(
                "aws_route", "out", "{ \"attributes\": { \"id\": \"r-1\", \"region\": \"ca-central-1\" } }");

        ExpectedResource route = parse(
                        state, new StateResourceMapper(Optional.of("999988887777"), Optional.of("us-east-1")))
                .get(0);

        assertThat(route.located()).isTrue();
        assertThat(route.resource().region()).isEqualTo("ca-central-1");
    }

    @Test
    void withoutArnTheConfiguredDefaultsAreUsed() throws Exception {
        String state = oneInstance("aws_route", "out", "{ \"attributes\": { \"id\": \"r-rtb-1\" } }");
        StateResourceMapper defaults = new StateResourceMapper(Optional.of("999988887777"), Optional.of("ap-south-1"));

        ExpectedResource route = parse(state, defaults).get(0);

        assertThat(route.resource().account()).isEqualTo("999988887777");
        assertThat(route.resource().region()).isEqualTo("ap-south-1");
    }

    @Test
    void ebsEncryptionByDefaultIsMatchedByItsFixedIdNotTheRandomOne() throws Exception {
        String state = oneInstance(
                "aws_ebs_encryption_by_default",
                "this",
                "{ \"attributes\": { \"id\": \"terraform-20261122174953398800000001\", \"enabled\": true } }");
        StateResourceMapper defaults = new StateResourceMapper(Optional.of("999988887777"), Optional.of("eu-west-1"));

        ExpectedResource setting = parse(state, defaults).get(0);

        assertThat(setting.resource().id()).isEqualTo("ebs-encryption-by-default");
        assertThat(setting.resource().region()).isEqualTo("eu-west-1");
    }

    @Test
    void invalidJsonNamesSourceAndLine() {
        assertThatThrownBy(() -> parse("{\n  \"version\": 4,\n  \"resources\": [ } \n}"))
                .isInstanceOf(StateFileException.class)
                .hasMessageStartingWith(SOURCE + ": ")
                .hasMessageContaining("invalid JSON at line 3");
    }

    @Test
    void textThatBreaksTheJsonIsNotQuotedInTheError() {
        // An unquoted value, as a hand edit might leave one: Jackson would quote it in its message.
        assertThatThrownBy(() -> parse("{\n  \"version\": 4,\n  \"resources\": [{\"password\": hunter2secret}]\n}"))
                .isInstanceOf(StateFileException.class)
                .hasMessageContaining("invalid JSON at line 3")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aStateCutInHalfAtALineEndIsReportedAsTruncated() {
        List<String> lines = STATE.lines().toList();
        String firstHalf = String.join("\n", lines.subList(0, lines.size() / 2)) + "\n";

        assertThatThrownBy(() -> parse(firstHalf))
                .isInstanceOf(StateFileException.class)
                .hasMessageStartingWith(SOURCE + ": ")
                .hasMessageContaining("truncated");
    }

    @Test
    void aStateCutAtAnyCharacterIsReportedAsTruncated() {
        String full = STATE.strip();
        for (int cut = 1; cut < full.length(); cut++) {
            String truncated = full.substring(0, cut);
            assertThatThrownBy(() -> parse(truncated))
                    .as("state cut after ...%s", full.substring(Math.max(0, cut - 20), cut))
                    .isInstanceOf(StateFileException.class)
                    .hasMessageContaining("truncated");
        }
    }

    @Test
    void rejectsOtherFormatsAndNonStates() {
        assertThatThrownBy(() -> parse("{\"version\": 3, \"terraform_version\": \"0.11.14\", \"modules\": []}"))
                .hasMessageContaining("unsupported state format version 3");
        assertThatThrownBy(() -> parse(""))
                .hasMessageStartingWith(SOURCE + ": ")
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> parse(" \n ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> parse("[{\"version\": 4}]")).hasMessageContaining("not a Terraform state");
        assertThatThrownBy(() -> parse("{\"resources\": []}")).hasMessageContaining("not a Terraform state");
    }

    private static String oneInstance(String type, String name, String instance) {
        return "{\"version\": 4, \"resources\": [ {\"mode\": \"managed\", \"type\": \"" + type + "\", \"name\": \""
                + name + "\", \"instances\": [" + instance + "]} ]}";
    }

    private static List<ExpectedResource> parse(String json) throws StateFileException {
        return parse(json, new StateResourceMapper(Optional.empty(), Optional.empty()));
    }

    private static List<ExpectedResource> parse(String json, StateResourceMapper resourceMapper)
            throws StateFileException {
        TerraformStateParser parser = new TerraformStateParser(new ObjectMapper());
        return parser.parse(
                        SOURCE,
                        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                        resourceMapper,
                        header -> false)
                .resources();
    }
}
