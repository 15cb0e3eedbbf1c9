package dev.driftwatch.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import dev.driftwatch.testsupport.SecurityGroups;
import dev.driftwatch.testsupport.TerraformStates;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * The one-shot check as a CI pipeline runs it: the packaged application as its own process, against moto,
 * with no database or Kafka configured for it, judged by its exit code and output.
 */
class OneShotCheckIT {

    private static final String REGION = "us-east-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Ec2Client ec2 = Moto.ec2(REGION);
    private String group;
    private Path state;

    @BeforeEach
    void estateAsTheStateSaysIt() {
        Moto.reset();
        TerraformStates.clear();
        String vpc = ec2.describeVpcs(r -> r.filters(f -> f.name("is-default").values("true")))
                .vpcs()
                .get(0)
                .vpcId();
        group = ec2.createSecurityGroup(r ->
                        r.groupName("web").description("Managed by Terraform").vpcId(vpc))
                .groupId();
        ec2.createTags(r -> r.resources(group).tags(t -> t.key("Team").value("platform")));
        state = TerraformStates.state()
                .resource(
                        "aws_security_group",
                        "web",
                        SecurityGroups.attributes(group, "web", vpc, REGION, Map.of("Team", "platform"), List.of()))
                .writeTo("ci/network.tfstate");
    }

    @AfterEach
    void close() {
        ec2.close();
    }

    @Test
    void inSyncExitsZeroAndSaysSo() {
        CheckProcess.Outcome run = CheckProcess.run("--state", state.toString(), "--region", REGION);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(0);
        assertThat(run.stdout()).startsWith("In sync: no drift").contains("against 1 state file(s)");
    }

    @Test
    void driftMadeInTheCloudExitsOneAndNamesStateFileAndAddress() throws Exception {
        ec2.createTags(r -> r.resources(group).tags(t -> t.key("Team").value("someone-else")));

        CheckProcess.Outcome table = CheckProcess.run("--state", state.toString(), "--region", REGION);
        assertThat(table.exitCode()).as(table.toString()).isEqualTo(1);
        assertThat(table.stdout())
                .contains(
                        "CHANGED",
                        "aws_security_group." + group,
                        "aws_security_group.web",
                        state.toString(),
                        "tags.Team: \"platform\" (state) -> \"someone-else\" (cloud)",
                        "Drift: 1 changed, 0 missing, 0 unmanaged");

        CheckProcess.Outcome json =
                CheckProcess.run("--state", state.toString(), "--region", REGION, "--format", "json");
        assertThat(json.exitCode()).as(json.toString()).isEqualTo(1);
        JsonNode report = JSON.readTree(json.stdout());
        assertThat(report.get("status").asText()).isEqualTo("drift");
        JsonNode drift = report.get("drift").get(0);
        assertThat(drift.get("kind").asText()).isEqualTo("CHANGED");
        assertThat(drift.get("address").asText()).isEqualTo("aws_security_group.web");
        assertThat(drift.get("stateFile").asText()).isEqualTo(state.toString());
        assertThat(drift.get("diffs").get(0).get("path").asText()).isEqualTo("tags.Team");
        assertThat(drift.get("diffs").get(0).get("cloud").asText()).isEqualTo("someone-else");
    }

    @Test
    void onlyManagedReadsJustTheStatesTypesAndLeavesUnmanagedOut() throws Exception {
        try (var iam = MotoSession.in(REGION).iam()) {
            iam.createRole(r -> r.roleName("made-by-hand")
                    .assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[]}"));
        }

        CheckProcess.Outcome everything =
                CheckProcess.run("--state", state.toString(), "--region", REGION, "--format", "json");
        assertThat(everything.exitCode()).as(everything.toString()).isEqualTo(1);
        assertThat(everything.stdout()).contains("\"UNMANAGED\"", "made-by-hand");

        CheckProcess.Outcome managed =
                CheckProcess.run("--state", state.toString(), "--region", REGION, "--format", "json", "--only-managed");
        assertThat(managed.exitCode()).as(managed.toString()).isEqualTo(0);
        JsonNode global = StreamSupport.stream(
                        JSON.readTree(managed.stdout()).get("checked").spliterator(), false)
                .filter(c -> c.get("region").asText().equals("global"))
                .findFirst()
                .orElseThrow();
        assertThat(global.get("resources").asInt())
                .as("no IAM or S3 type is in the state: none is read")
                .isZero();
    }

    @Test
    void driftIgnoredByTheIgnoreFileExitsZeroAndABadRuleExitsTwo() {
        ec2.createTags(r -> r.resources(group).tags(t -> t.key("Team").value("someone-else")));
        Path ignore = TerraformStates.writeRaw(
                "ci/.driftignore", "# tags are owned by the FinOps tooling\naws_security_group.*.tags\n");

        CheckProcess.Outcome quiet =
                CheckProcess.run("--state", state.toString(), "--region", REGION, "--ignore-file", ignore.toString());
        assertThat(quiet.exitCode()).as(quiet.toString()).isEqualTo(0);

        Path broken = TerraformStates.writeRaw(
                "ci/broken.driftignore", "aws_security_group.*.tags\naws_security_group..tags\n");
        CheckProcess.Outcome bad =
                CheckProcess.run("--state", state.toString(), "--region", REGION, "--ignore-file", broken.toString());
        assertThat(bad.exitCode()).as(bad.toString()).isEqualTo(2);
        assertThat(bad.stdout()).contains("ERROR: ignore rule " + broken + ":2");
    }

    @Test
    void unreadableStateExitsTwoNamingTheFile() {
        Path broken = TerraformStates.writeRaw("ci/broken.tfstate", "{\"version\": 4, \"resources\": [");

        CheckProcess.Outcome run =
                CheckProcess.run("--state", state.toString(), "--state", broken.toString(), "--region", REGION);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.stdout()).contains("ERROR: state " + broken).startsWith("ERROR");
    }

    /** Zero states is not an empty estate: "In sync" here would hide every managed resource. */
    @Test
    void aGlobMatchingNoStateExitsTwoNotInSync() {
        String nowhere = TerraformStates.DIR.resolve("no-such-dir") + "/**/*.tfstate";

        CheckProcess.Outcome run = CheckProcess.run("--state", nowhere, "--region", REGION, "--only-managed");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.stdout())
                .contains("ERROR: state " + nowhere + ": no state found (no file matches the glob: its base directory ")
                .doesNotContain("In sync");
    }

    @Test
    void unreachableRegionExitsTwoEvenWithoutDrift() {
        CheckProcess.Outcome run = CheckProcess.run(
                List.of(
                        "-Ddriftwatch.aws.region-endpoints.\"eu-west-1\"=http://127.0.0.1:1",
                        "-Ddriftwatch.aws.max-attempts=1"),
                "--state",
                state.toString(),
                "--region",
                REGION,
                "--region",
                "eu-west-1");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.stdout())
                .contains("ERROR: " + Moto.ACCOUNT + "/eu-west-1 aws_security_group not read")
                .doesNotContain("ERROR: " + Moto.ACCOUNT + "/us-east-1");
    }

    @Test
    void aStateInARegionTheCheckDidNotReadIsNotInSync() throws Exception {
        Path elsewhere = TerraformStates.state()
                .resource(
                        "aws_security_group",
                        "web",
                        SecurityGroups.attributes(
                                "sg-0ca0000000000001", "web", "vpc-1", "ca-central-1", Map.of(), List.of()))
                .writeTo("ci/canada.tfstate");

        CheckProcess.Outcome table = CheckProcess.run("--state", elsewhere.toString(), "--region", REGION);
        assertThat(table.exitCode()).as(table.toString()).isEqualTo(2);
        assertThat(table.stdout())
                .doesNotContain("In sync")
                .contains(
                        "Not checked:",
                        "other-region",
                        Moto.ACCOUNT + "/ca-central-1",
                        "region ca-central-1 of account " + Moto.ACCOUNT + " is not read (read: global, us-east-1)");

        CheckProcess.Outcome json =
                CheckProcess.run("--state", elsewhere.toString(), "--region", REGION, "--format", "json");
        JsonNode notChecked = JSON.readTree(json.stdout()).get("notChecked").get(0);
        assertThat(notChecked.get("reason").asText()).isEqualTo("other-region");
        assertThat(notChecked.get("address").asText()).isEqualTo("aws_security_group.web");
        assertThat(notChecked.get("stateFile").asText()).isEqualTo(elsewhere.toString());
    }

    @Test
    void aStateOfAnotherAccountIsNotInSync() {
        Map<String, Object> theirs = new java.util.LinkedHashMap<>(
                SecurityGroups.attributes("sg-0000000000000222", "web", "vpc-1", REGION, Map.of(), List.of()));
        theirs.put("arn", "arn:aws:ec2:us-east-1:222222222222:security-group/sg-0000000000000222");
        Path other = TerraformStates.state()
                .resource("aws_security_group", "web", theirs)
                .writeTo("ci/theirs.tfstate");

        CheckProcess.Outcome run = CheckProcess.run("--state", other.toString(), "--region", REGION);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.stdout())
                .contains(
                        "other-account",
                        "account 222222222222 is not read (read: " + Moto.ACCOUNT + ")",
                        "not checked: 1 in accounts not read");
    }

    @Test
    void unsupportedTypesAreListedAndFailTheCheckOnlyWhenStrict() {
        Path withDns = TerraformStates.state()
                .resource(
                        "aws_security_group",
                        "web",
                        SecurityGroups.attributes(group, "web", vpc(), REGION, Map.of("Team", "platform"), List.of()))
                .resource(
                        "aws_route53_record", "www", Map.of("id", "Z123_www.example.com_A", "name", "www.example.com"))
                .writeTo("ci/dns.tfstate");

        CheckProcess.Outcome lenient = CheckProcess.run("--state", withDns.toString(), "--region", REGION);
        assertThat(lenient.exitCode()).as(lenient.toString()).isEqualTo(0);
        assertThat(lenient.stdout())
                .contains(
                        "unsupported-type",
                        "aws_route53_record (1)",
                        "In sync: no drift",
                        "not checked: 1 of unsupported types");

        CheckProcess.Outcome strict = CheckProcess.run("--state", withDns.toString(), "--region", REGION, "--strict");
        assertThat(strict.exitCode()).as(strict.toString()).isEqualTo(2);
    }

    @Test
    void aGroupClaimedByTwoStatesIsReportedAsSuchAndItsDriftOnce() {
        ec2.createTags(r -> r.resources(group).tags(t -> t.key("Team").value("someone-else")));
        Path copy = TerraformStates.writeRaw(
                "ci/copy.tfstate",
                TerraformStates.state()
                        .resource(
                                "aws_security_group",
                                "copy",
                                SecurityGroups.attributes(
                                        group, "web", vpc(), REGION, Map.of("Team", "platform"), List.of()))
                        .json());

        CheckProcess.Outcome run = CheckProcess.run(
                "--state", state.toString(), "--state", copy.toString(), "--region", REGION, "--only-managed");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.stdout())
                .contains("ERROR: aws_security_group " + group + " is claimed by ")
                .contains(state + ":aws_security_group.web", copy + ":aws_security_group.copy");
        assertThat(run.stdout().lines().filter(l -> l.startsWith("CHANGED"))).hasSize(1);
    }

    @Test
    void aResourceWhoseLocationCannotBeToldIsListedNamingTheSettingAndTheRestIsStillChecked() {
        ec2.createTags(r -> r.resources(group).tags(t -> t.key("Team").value("someone-else")));
        Map<String, Object> noArn = new java.util.LinkedHashMap<>(
                SecurityGroups.attributes("sg-0ffffffffffffff1", "far", "vpc-1", REGION, Map.of(), List.of()));
        noArn.remove("arn");
        Path mixed = TerraformStates.state()
                .resource(
                        "aws_security_group",
                        "web",
                        SecurityGroups.attributes(group, "web", vpc(), REGION, Map.of("Team", "platform"), List.of()))
                .resource("aws_security_group", "far", "provider[\"registry.terraform.io/hashicorp/aws\"].west", noArn)
                .writeTo("ci/mixed.tfstate");

        CheckProcess.Outcome run = CheckProcess.run("--state", mixed.toString(), "--region", REGION);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.stdout())
                .contains(
                        "CHANGED",
                        "aws_security_group.web",
                        "unknown-location",
                        "aws_security_group.far",
                        "set driftwatch.baseline.providers.\"aws.west\".account or driftwatch.baseline.terraform.default-account")
                .doesNotContain("MISSING");
    }

    private String vpc() {
        return ec2.describeVpcs(r -> r.filters(f -> f.name("is-default").values("true")))
                .vpcs()
                .get(0)
                .vpcId();
    }

    @Test
    void badArgumentsExitTwoWithUsage() {
        CheckProcess.Outcome run = CheckProcess.run("--state", state.toString(), "--format", "yaml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("--format must be table or json, was yaml", "usage: driftwatch-check");
    }
}
