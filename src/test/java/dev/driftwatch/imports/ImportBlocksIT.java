package dev.driftwatch.imports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.inventory.Regions;
import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import dev.driftwatch.testsupport.Scans;
import dev.driftwatch.testsupport.Terraform;
import dev.driftwatch.testsupport.TerraformStates;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * Import blocks checked by Terraform itself: resources created in moto by hand (no Terraform), a scan,
 * the blocks from the API in a configuration, and {@code terraform plan -generate-config-out} must plan
 * exactly one import per block. Needs Terraform and the AWS provider mirror; fails without them.
 */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
class ImportBlocksIT {

    private static final String REGION = "us-east-1";

    @BeforeEach
    void cleanSlate() {
        Database.cleanSlate();
        TerraformStates.state().writeTo("empty.tfstate"); // every state read: what no state knows is unmanaged
    }

    @Test
    void terraformAcceptsTheBlocksAndPlansOneImportPerBlock() throws IOException {
        MotoSession regional = MotoSession.in(REGION);
        MotoSession global = MotoSession.in(Regions.GLOBAL);
        Ec2Client ec2 = regional.ec2();
        String defaultVpc = ec2.describeVpcs(
                        r -> r.filters(f -> f.name("is-default").values("true")))
                .vpcs()
                .get(0)
                .vpcId();
        String debug = group(ec2, defaultVpc, "legacy-debug", "Legacy Debug");
        String debugToo = group(ec2, defaultVpc, "legacy-debug-2", "Legacy Debug");
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.9.0.0/16")).vpc().vpcId();
        ec2.createTags(r -> r.resources(vpc).tags(t -> t.key("Name").value("scratch")));
        ec2.createKeyPair(r -> r.keyName("ops-laptop"));
        String queueUrl =
                regional.sqs().createQueue(r -> r.queueName("orders-dlq")).queueUrl();
        regional.sns().createTopic(r -> r.name("alerts"));
        regional.logs().createLogGroup(r -> r.logGroupName("/app/orders"));
        regional.rds().createDBInstance(r -> r.dbInstanceIdentifier("orders-db")
                .engine("postgres")
                .dbInstanceClass("db.t3.micro")
                .allocatedStorage(20)
                .masterUsername("orders")
                .masterUserPassword("not-a-secret-1"));
        global.iam().createRole(r -> r.roleName("deployer").assumeRolePolicyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"""));
        global.s3().createBucket(r -> r.bucket("scratch-2024.example"));

        for (long scan : Scans.request(REGION, Regions.GLOBAL)) {
            assertThat(Scans.awaitFinished(scan).getString("status")).isEqualTo("COMPLETE");
        }
        String hcl = given().queryParam("account", Moto.ACCOUNT)
                .get("/api/findings/import-blocks")
                .then()
                .statusCode(200)
                .contentType(ContentType.TEXT)
                .extract()
                .asString();

        assertThat(hcl)
                .contains(
                        block("aws_vpc.scratch", vpc),
                        block("aws_key_pair.ops_laptop", "ops-laptop"),
                        block("aws_sqs_queue.orders_dlq", queueUrl),
                        block("aws_cloudwatch_log_group.app_orders", "/app/orders"),
                        // a DB instance is imported by its identifier, not by the DbiResourceId Terraform keeps as its
                        // id
                        block("aws_db_instance.orders_db", "orders-db"),
                        block("aws_iam_role.deployer", "deployer"),
                        block("aws_s3_bucket.scratch_2024_example", "scratch-2024.example"));
        // Two groups share a Name tag: both are imported, under distinct names.
        assertThat(hcl)
                .containsAnyOf(
                        block("aws_security_group.legacy_debug", debug),
                        block("aws_security_group.legacy_debug_2", debug))
                .containsAnyOf(
                        block("aws_security_group.legacy_debug", debugToo),
                        block("aws_security_group.legacy_debug_2", debugToo));
        assertThat(hcl)
                .contains("\n  to = aws_sns_topic.alerts\n  id = \"arn:aws:sns:us-east-1:" + Moto.ACCOUNT
                        + ":alerts\"\n");

        // Every block names an object Terraform finds by that id: it writes configuration for each one.
        Terraform all = initialised(hcl);
        Terraform.Result generated = all.attempt("plan", "-no-color", "-generate-config-out=generated.tf");
        assertThat(generatedResources(all)).as(generated.output()).containsExactlyInAnyOrderElementsOf(addresses(hcl));
        // What Terraform then rejects is its own generated configuration (it says to review it), never an import:
        // moto answers values provider 5.100 refuses (SQS max_message_size 1 MiB, SNS signature_version 0, RDS empty
        // domain_dns_ips), a key pair's public key cannot be read back, and a VPC's ipv6 arguments come out half set.
        assertThat(generated.output()).doesNotContain("Cannot import", "Error: importing", "Error: reading");
        assertThat(errorLocations(generated.output()))
                .hasSize(count("^Error: ", generated.output()))
                .allSatisfy(where -> assertThat(where).startsWith("on generated.tf"));

        // Types whose generated configuration is valid: N blocks, N imports planned, no error at all.
        String clean = Stream.of("aws_security_group", "aws_iam_role", "aws_s3_bucket", "aws_cloudwatch_log_group")
                .map(type -> given().queryParam("type", type)
                        .get("/api/findings/import-blocks")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .collect(Collectors.joining("\n"));
        List<String> cleanAddresses = addresses(clean);
        assertThat(cleanAddresses).hasSize(5);
        Terraform strict = initialised(clean);
        Terraform.Result plan = strict.attempt("plan", "-no-color", "-generate-config-out=generated.tf");
        assertThat(plan.output())
                .as(plan.output())
                .contains("Plan: " + cleanAddresses.size() + " to import, 0 to add, 0 to change, 0 to destroy.")
                .doesNotContain("Error:");
        assertThat(plan.exitCode()).as(plan.output()).isZero();
    }

    /** A Terraform configuration of the provider (pointed at moto) and the blocks, initialised. */
    private static Terraform initialised(String importBlocks) throws IOException {
        String name = "import-" + UUID.randomUUID();
        Path source = Path.of("target/it-import", name);
        Files.createDirectories(source);
        Files.writeString(source.resolve("main.tf"), Terraform.motoProvider(Moto.URL, REGION));
        Files.writeString(source.resolve("imports.tf"), importBlocks);
        return Terraform.init(source, name);
    }

    private static List<String> addresses(String hcl) {
        return Pattern.compile("^  to = (\\S+)$", Pattern.MULTILINE)
                .matcher(hcl)
                .results()
                .map(m -> m.group(1))
                .toList();
    }

    private static List<String> generatedResources(Terraform terraform) throws IOException {
        Path file = terraform.file("generated.tf");
        String generated = Files.exists(file) ? Files.readString(file) : "";
        return Pattern.compile("^resource \"([^\"]+)\" \"([^\"]+)\"", Pattern.MULTILINE)
                .matcher(generated)
                .results()
                .map(m -> m.group(1) + "." + m.group(2))
                .toList();
    }

    private static int count(String regex, String text) {
        return (int) Pattern.compile(regex, Pattern.MULTILINE)
                .matcher(text)
                .results()
                .count();
    }

    /** The "on FILE line N" of each error Terraform printed. */
    private static List<String> errorLocations(String output) {
        return Pattern.compile(
                        "^Error: .*?^  (on \\S+ line \\d+|\\(no location\\))", Pattern.MULTILINE | Pattern.DOTALL)
                .matcher(output)
                .results()
                .map(m -> m.group(1))
                .toList();
    }

    private static String group(Ec2Client ec2, String vpc, String name, String nameTag) {
        String id = ec2.createSecurityGroup(
                        r -> r.groupName(name).description("Opened by hand").vpcId(vpc))
                .groupId();
        ec2.createTags(r -> r.resources(id).tags(t -> t.key("Name").value(nameTag)));
        return id;
    }

    private static String block(String address, String importId) {
        return "import {\n  to = " + address + "\n  id = \"" + importId + "\"\n}\n";
    }
}
