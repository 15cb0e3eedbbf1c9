package dev.driftwatch.baseline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.Scans;
import dev.driftwatch.testsupport.SecurityGroups;
import dev.driftwatch.testsupport.TerraformStates;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** Broken state files are named with their problem; the good one is still used. */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
class BadStateFileIT {

    private static final String REGION = "us-east-1";

    @BeforeEach
    void cleanSlate() {
        Database.cleanSlate();
    }

    @Test
    void namesEachBrokenFileAndStillUsesTheGoodOne() {
        String web;
        try (Ec2Client ec2 = Moto.ec2(REGION)) {
            web = ec2.createSecurityGroup(r -> r.groupName("web").description("Managed by Terraform"))
                    .groupId();
            ec2.createTags(r -> r.resources(web).tags(t -> t.key("Team").value("web")));
        }
        String good = TerraformStates.state()
                .resource(
                        "aws_security_group",
                        "web",
                        SecurityGroups.attributes(web, "web", null, REGION, Map.of("Team", "platform"), List.of()))
                .json();
        TerraformStates.writeRaw("good.tfstate", good);
        String invalid = TerraformStates.writeRaw("invalid.tfstate", "{\"version\": 4,\n \"resources\": [,]}")
                .toString();
        String old = TerraformStates.writeRaw("old.tfstate", "{\"version\": 3, \"modules\": []}")
                .toString();
        String truncated = TerraformStates.writeRaw("truncated.tfstate", good.substring(0, good.length() / 2))
                .toString();

        JsonPath scan = Scans.scanAndWait(REGION);

        assertThat(scan.getString("status")).isEqualTo("PARTIAL");
        Map<String, String> problems = new java.util.HashMap<>();
        scan.getList("problems", Map.class)
                .forEach(p -> problems.put((String) p.get("part"), (String) p.get("reason")));
        assertThat(problems).containsOnlyKeys(invalid, old, truncated);
        assertThat(problems.get(invalid)).startsWith("invalid JSON at line 2, column");
        assertThat(problems.get(old)).startsWith("unsupported state format version 3");
        assertThat(problems.get(truncated)).startsWith("truncated");

        // The good state still finds its drift; nothing is called unmanaged while some states are unreadable.
        JsonPath open = given().queryParam("status", "OPEN")
                .get("/api/findings")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(open.getList("kind")).containsExactly("CHANGED");
        assertThat(open.getString("[0].resourceId")).isEqualTo(web);
        assertThat(open.getString("[0].stateFile")).endsWith("good.tfstate");
    }
}
