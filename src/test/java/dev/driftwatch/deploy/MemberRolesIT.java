package dev.driftwatch.deploy;

import static dev.driftwatch.testsupport.MultiAccountProfile.BETA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftwatch.resource.IamActions;
import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.Management;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MultiAccountProfile;
import dev.driftwatch.testsupport.Scans;
import dev.driftwatch.testsupport.Terraform;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Role;

/**
 * {@code deploy/terraform/member} applied to a member account in moto (account beta of the multi-account
 * profile, reached by AssumeRole as Terraform users do), then driftwatch scans that account through the role
 * the module made. moto does not enforce IAM policies, so what the policy allows is checked against what the
 * scan actually sent: every AWS operation driftwatch counted is an action the role allows.
 */
@QuarkusTest
@TestProfile(MultiAccountProfile.class)
@WithTestResource(KafkaBroker.class)
class MemberRolesIT {

    private static final String DRIFTWATCH = "arn:aws:iam::123456789012:role/driftwatch";
    private static final Pattern REQUESTS = Pattern.compile(
            "(?m)^driftwatch_aws_requests_total\\{(?=[^}]*operation=\"([^\"]+)\")(?=[^}]*service=\"([^\"]+)\")");

    @Test
    void theModuleMakesTheRoleDriftwatchScansThroughWithNoCallItDoesNotAllow() throws Exception {
        Database.cleanSlate();
        Terraform terraform = Terraform.init(configuration(), "member-roles");
        terraform.apply(Map.of("external_id", "beta-external-id"));
        String roleArn = terraform.output("scanner_role_arn");
        assertThat(roleArn)
                .as("the role the multi-account profile scans beta through")
                .isEqualTo(MultiAccountProfile.role(BETA, "driftwatch-scanner"));

        try (IamClient iam = Moto.iam(BETA)) {
            Role role = iam.getRole(r -> r.roleName("driftwatch-scanner")).role();
            JsonNode trust = json(role.assumeRolePolicyDocument());
            assertThat(trust.at("/Statement/0/Principal/AWS").asText()).isEqualTo(DRIFTWATCH);
            assertThat(trust.at("/Statement/0/Condition/StringEquals/sts:ExternalId")
                            .asText())
                    .isEqualTo("beta-external-id");
            JsonNode policy =
                    json(iam.getRolePolicy(r -> r.roleName("driftwatch-scanner").policyName("driftwatch-read"))
                            .policyDocument());
            Set<String> allowed = new TreeSet<>();
            policy.at("/Statement/0/Action").forEach(a -> allowed.add(a.asText()));
            assertThat(allowed).isEqualTo(IamActions.toRead());
            assertThat(policy.at("/Statement/0/Effect").asText()).isEqualTo("Allow");
        }

        for (long id : Scans.requestIn(BETA)) {
            assertThat(Scans.awaitFinished(id).getString("status")).isEqualTo("COMPLETE");
        }
        Set<String> sent = operationsSent();
        assertThat(sent).contains("ec2:DescribeSecurityGroups", "iam:GetAccountAuthorizationDetails");
        assertThat(sent.stream()
                        .filter(op -> !op.startsWith("sts:")) // driftwatch's own role's, in the management account
                        .map(op -> IamActions.of(op.split(":")[0], op.split(":")[1]))
                        .toList())
                .as("every call the scan sent is allowed to the scanner role")
                .isSubsetOf(IamActions.toRead());
    }

    /** The module, and a root configuration that applies it in beta through AssumeRole against moto. */
    private static Path configuration() throws Exception {
        Path source = Files.createDirectories(Path.of("target/it-member-roles"));
        Path module = source.resolve("member");
        Files.createDirectories(module);
        try (var files = Files.list(Path.of("deploy/terraform/member"))) {
            for (Path file : files.toList()) {
                Files.copy(file, module.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        String provider = Terraform.motoProvider(Moto.URL, "us-east-1")
                .replace(
                        "  skip_metadata_api_check     = true\n",
                        "  skip_metadata_api_check     = true\n  assume_role {\n    role_arn = \""
                                + MultiAccountProfile.role(BETA, "terraform") + "\"\n  }\n");
        Files.writeString(source.resolve("main.tf"), provider + """

                        variable "external_id" {
                          type      = string
                          sensitive = true
                        }

                        module "member" {
                          source                   = "./member"
                          driftwatch_principal_arn = "%s"
                          external_id              = var.external_id
                        }

                        output "scanner_role_arn" {
                          value = module.member.scanner_role_arn
                        }
                        """.formatted(DRIFTWATCH));
        return source;
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
