package dev.driftwatch.deploy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftwatch.resource.IamActions;
import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.Management;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.Scans;
import dev.driftwatch.testsupport.Terraform;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Role;

/**
 * {@code deploy/terraform/management} and {@code deploy/terraform/member} applied to moto: driftwatch's own role in
 * the management account, and the scanner role in a member account (reached by AssumeRole, as Terraform users do)
 * that trusts it; then driftwatch scans that account through the role the module
 * made. moto does not enforce IAM policies, so what the policy allows is checked against what the
 * scan actually sent: every AWS operation driftwatch counted is an action the role allows.
 */
@QuarkusTest
@TestProfile(MemberRolesIT.OneMemberAccount.class)
@WithTestResource(KafkaBroker.class)
class MemberRolesIT {

    /** A member account of its own: assumed-role credentials cached by another test's scan outlive moto's resets. */
    static final String MEMBER = "444444444444";

    public static class OneMemberAccount implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "driftwatch.inventory.regions",
                    "us-east-1",
                    "driftwatch.inventory.accounts.member.id",
                    MEMBER,
                    "driftwatch.inventory.accounts.member.role-arn",
                    role(MEMBER, "driftwatch-scanner"),
                    "driftwatch.inventory.accounts.member.external-id",
                    "member-external-id");
        }
    }

    private static String role(String account, String name) {
        return "arn:aws:iam::" + account + ":role/" + name;
    }

    private static final String DRIFTWATCH = "arn:aws:iam::" + Moto.ACCOUNT + ":role/driftwatch";
    private static final String OIDC = "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
    private static final Pattern REQUESTS = Pattern.compile(
            "(?m)^driftwatch_aws_requests_total\\{(?=[^}]*operation=\"([^\"]+)\")(?=[^}]*service=\"([^\"]+)\")");

    @Test
    void theModuleMakesTheRoleDriftwatchScansThroughWithNoCallItDoesNotAllow() throws Exception {
        Database.cleanSlate();
        Terraform terraform = Terraform.init(configuration(), "member-roles");
        terraform.apply(Map.of("external_id", "member-external-id"));
        assertThat(terraform.output("driftwatch_role_arn")).isEqualTo(DRIFTWATCH);
        try (IamClient iam = Moto.iam()) {
            JsonNode trust =
                    json(iam.getRole(r -> r.roleName("driftwatch")).role().assumeRolePolicyDocument());
            assertThat(trust.at("/Statement/0/Principal/Federated").asText()).endsWith(":oidc-provider/" + OIDC);
            assertThat(trust.at("/Statement/0/Condition/StringEquals/" + OIDC.replace("/", "~1") + ":sub")
                            .asText())
                    .isEqualTo("system:serviceaccount:driftwatch:driftwatch");
            JsonNode policy =
                    json(iam.getRolePolicy(r -> r.roleName("driftwatch").policyName("driftwatch"))
                            .policyDocument());
            assertThat(policy.toString())
                    .contains("arn:aws:iam::*:role/driftwatch-scanner", "arn:aws:s3:::acme-terraform-states/network/*");
        }
        String roleArn = terraform.output("scanner_role_arn");
        assertThat(roleArn)
                .as("the role this profile scans the member account through")
                .isEqualTo(role(MEMBER, "driftwatch-scanner"));

        try (IamClient iam = Moto.iam(MEMBER)) {
            Role role = iam.getRole(r -> r.roleName("driftwatch-scanner")).role();
            JsonNode trust = json(role.assumeRolePolicyDocument());
            assertThat(trust.at("/Statement/0/Principal/AWS").asText()).isEqualTo(DRIFTWATCH);
            assertThat(trust.at("/Statement/0/Condition/StringEquals/sts:ExternalId")
                            .asText())
                    .isEqualTo("member-external-id");
            JsonNode policy =
                    json(iam.getRolePolicy(r -> r.roleName("driftwatch-scanner").policyName("driftwatch-read"))
                            .policyDocument());
            Set<String> allowed = new TreeSet<>();
            policy.at("/Statement/0/Action").forEach(a -> allowed.add(a.asText()));
            assertThat(allowed).isEqualTo(IamActions.toRead());
            assertThat(policy.at("/Statement/0/Effect").asText()).isEqualTo("Allow");

            JsonNode remediate = json(
                    iam.getRolePolicy(r -> r.roleName("driftwatch-remediator").policyName("driftwatch-remediate"))
                            .policyDocument());
            Set<String> fixes = new TreeSet<>();
            remediate.at("/Statement/0/Action").forEach(a -> fixes.add(a.asText()));
            assertThat(fixes)
                    .as("the remediator role allows what the fix actions call")
                    .isEqualTo(remediatorActions());

            JsonNode sweep =
                    json(iam.getRolePolicy(r -> r.roleName("driftwatch-sweeper").policyName("driftwatch-sweep"))
                            .policyDocument());
            Set<String> deletes = new TreeSet<>();
            sweep.at("/Statement/0/Action").forEach(a -> deletes.add(a.asText()));
            assertThat(deletes)
                    .as("the sweeper role allows what the sweeper reads and deletes")
                    .isEqualTo(actionsOf("deploy/terraform/member/sweeper-actions.json"));
        }
        assertThat(terraform.output("remediator_role_arn")).isEqualTo(role(MEMBER, "driftwatch-remediator"));
        assertThat(terraform.output("sweeper_role_arn")).isEqualTo(role(MEMBER, "driftwatch-sweeper"));

        String handMade;
        try (Ec2Client ec2 = Moto.ec2("us-east-1", MEMBER)) {
            handMade = ec2.createSecurityGroup(r -> r.groupName("hand-made").description("nobody's"))
                    .groupId();
        }
        for (long id : Scans.requestIn(MEMBER)) {
            assertThat(Scans.awaitFinished(id).getString("status")).isEqualTo("COMPLETE");
        }
        assertThat(given().queryParam("account", MEMBER)
                        .queryParam("kind", "UNMANAGED")
                        .get("/api/findings")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("resourceId", String.class))
                .as("the scan read the member account through the role")
                .contains(handMade);
        Set<String> sent = operationsSent();
        assertThat(sent).contains("ec2:DescribeSecurityGroups", "iam:GetAccountAuthorizationDetails");
        assertThat(sent.stream()
                        .filter(op -> !op.startsWith("sts:")) // driftwatch's own role's, in the management account
                        .map(op -> IamActions.of(op.split(":")[0], op.split(":")[1]))
                        .toList())
                .as("every call the scan sent is allowed to the scanner role")
                .isSubsetOf(IamActions.toRead());
    }

    /**
     * Both modules, as an organisation wires them: the management module in moto's default account (driftwatch's
     * own role, IRSA), the member module in beta through AssumeRole, trusting the management module's role.
     */
    private static Path configuration() throws Exception {
        Path source = Files.createDirectories(Path.of("target/it-member-roles"));
        for (String module : List.of("management", "member")) {
            Path copy = Files.createDirectories(source.resolve(module));
            try (var files = Files.list(Path.of("deploy/terraform", module))) {
                for (Path file : files.toList()) {
                    Files.copy(file, copy.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        String inBeta =
                "  alias = \"member\"\n  assume_role {\n    role_arn = \"" + role(MEMBER, "terraform") + "\"\n  }\n";
        Files.writeString(
                source.resolve("main.tf"),
                Terraform.motoProvider(Moto.URL, "us-east-1")
                        + Terraform.motoProviderBlock(Moto.URL, "us-east-1", inBeta)
                        + """

                        variable "external_id" {
                          type      = string
                          sensitive = true
                        }

                        module "management" {
                          source            = "./management"
                          oidc_provider_arn = "arn:aws:iam::%s:oidc-provider/%s"
                          oidc_provider     = "%s"
                          state_buckets     = { "acme-terraform-states" = "network/" }
                          member_role_names = ["driftwatch-scanner", "driftwatch-remediator", "driftwatch-sweeper"]
                        }

                        module "member" {
                          source                   = "./member"
                          providers                = { aws = aws.member }
                          driftwatch_principal_arn = module.management.role_arn
                          external_id              = var.external_id
                          remediator_enabled       = true
                          sweeper_enabled          = true
                        }

                        output "driftwatch_role_arn" {
                          value = module.management.role_arn
                        }

                        output "scanner_role_arn" {
                          value = module.member.scanner_role_arn
                        }

                        output "remediator_role_arn" {
                          value = module.member.remediator_role_arn
                        }

                        output "sweeper_role_arn" {
                          value = module.member.sweeper_role_arn
                        }
                        """.formatted(Moto.ACCOUNT, OIDC, OIDC));
        return source;
    }

    /** What the fix actions call (remediation.action.RemediationActionsTest keeps the file current). */
    private static Set<String> remediatorActions() throws Exception {
        return actionsOf("deploy/terraform/member/remediator-actions.json");
    }

    /** The actions a generated role file lists. */
    private static Set<String> actionsOf(String file) throws Exception {
        Set<String> actions = new TreeSet<>();
        new ObjectMapper()
                .readTree(Files.readString(Path.of(file)))
                .path("actions")
                .forEach(a -> actions.add(a.asText()));
        return actions;
    }

    /** "service:Operation" of every AWS request the service counted so far. */
    private static Set<String> operationsSent() {
        Set<String> operations = new HashSet<>();
        Matcher m = REQUESTS.matcher(Management.metrics());
        while (m.find()) {
            // the SDK's service name ("Ec2", "CloudWatchLogs") as the descriptors write it
            operations.add(m.group(2).toLowerCase(java.util.Locale.ROOT).replace(" ", "") + ":" + m.group(1));
        }
        return operations;
    }

    private static JsonNode json(String urlEncoded) throws Exception {
        return new ObjectMapper().readTree(URLDecoder.decode(urlEncoded, StandardCharsets.UTF_8));
    }
}
