package dev.driftwatch.drift;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.inventory.Regions;
import dev.driftwatch.testsupport.AppliedState;
import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.Scans;
import dev.driftwatch.testsupport.Terraform;
import dev.driftwatch.testsupport.TerraformDrift;
import dev.driftwatch.testsupport.TerraformStates;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * driftwatch against Terraform's own {@code plan -refresh-only} on one estate that Terraform applied to
 * moto (src/test/resources/terraform/parity): in sync, both are quiet; after changes made out of band,
 * every change Terraform reports on a managed resource driftwatch reports on the same address and
 * attribute, Terraform's noise excepted (each case says why), plus what only driftwatch can see.
 */
@QuarkusTest
@TestProfile(TerraformParityIT.TwoRegions.class)
@WithTestResource(KafkaBroker.class)
class TerraformParityIT {

    private static final Path CONFIG = Path.of("src/test/resources/terraform/parity");
    private static final Map<String, String> VARIABLES = Map.of("aws_endpoint", Moto.URL);

    /** Attributes Terraform reports as drift that nobody changed: computed values the provider re-reads. */
    private static final Map<String, String> NOISE = Map.of(
            "aws_s3_bucket.versioning", "a computed copy of aws_s3_bucket_versioning, which reports the change itself",
            "aws_iam_role.managed_policy_arns",
                    "computed from the role's attachments, which are resources of their own",
            "aws_iam_policy.attachment_count", "a count of the policy's attachments, re-read on every refresh");
    /** Also noise: a group's ingress/egress re-reads the rules of separate rule resources (see onlySeparateRules). */
    private static final String SEPARATE_RULES = "aws_security_group.ingress";
    // And a value going from null to empty ({} or []) is no change (TerraformDrift.changedAttributes).

    /** What is changed out of band, and what Terraform then reports: "<kind> <address> <attributes as driftwatch names them>". */
    private static final List<String> PARITY = List.of(
            "CHANGED module.net.aws_vpc.this [tags.Name]", // Name tag changed
            "CHANGED module.net.aws_subnet.this[\"a\"] [tags.Suite]", // default_tags' Suite removed (Terraform: in
            // tags_all only)
            "CHANGED module.net.aws_subnet.this[\"b\"] [map_public_ip_on_launch]", // attribute modified
            "CHANGED module.net.aws_security_group.inline [ingress]", // SSH opened by hand on a group with inline rules
            "CHANGED aws_security_group.separate [ingress]", // a rule added by hand on a group with separate rules
            "MISSING aws_security_group_rule.https []", // the rule of an aws_security_group_rule revoked
            "CHANGED aws_vpc_security_group_ingress_rule.ssh [description]", // rule description edited
            "MISSING aws_security_group.worker[1] []", // a count instance deleted
            "CHANGED aws_s3_bucket.logs [tags.Purpose]", // bucket tags replaced, one value changed
            "CHANGED aws_s3_bucket_versioning.logs [versioning_configuration]", // versioning suspended
            "CHANGED aws_iam_role.app [description]", // role description edited
            "MISSING aws_iam_role_policy_attachment.app_read_logs []", // policy detached
            "CHANGED aws_security_group.west [tags.Tier]"); // us-west-2, through the aliased provider

    @Test
    void driftwatchReportsEveryDriftTerraformReportsOnTheSameAddressAndAttribute() throws IOException {
        Database.cleanSlate();
        Terraform terraform = Terraform.init(CONFIG, "parity");
        terraform.apply(VARIABLES);
        Files.createDirectories(TerraformStates.DIR.resolve("parity"));
        Files.copy(
                terraform.stateFile(),
                TerraformStates.DIR.resolve("parity/terraform.tfstate"),
                StandardCopyOption.REPLACE_EXISTING);
        AppliedState state = AppliedState.read(terraform.stateFile());

        // In sync: Terraform sees only its noise, driftwatch nothing (no UNMANAGED either: moto's default
        // VPCs and groups are AWS's, and nothing else exists that Terraform did not create).
        // Soft: one run shows every disagreement, in sync and after the changes.
        SoftAssertions softly = new SoftAssertions();
        Set<String> noise = new TreeSet<>();
        softly.assertThat(terraformReports(terraform, state, noise))
                .as("Terraform's refresh-only plan of the fresh estate")
                .isEmpty();
        softly.assertThat(noise)
                .as("Terraform's noise on the fresh estate, where driftwatch is quiet")
                .containsExactlyInAnyOrderElementsOf(Stream.concat(NOISE.keySet().stream(), Stream.of(SEPARATE_RULES))
                        .toList());
        softly.assertThat(driftwatchReports())
                .as("driftwatch on the fresh estate")
                .isEmpty();

        String byHand = OutOfBand.change(state);

        Set<String> terraformSaw = terraformReports(terraform, state, new TreeSet<>());
        softly.assertThat(terraformSaw)
                .as("Terraform's refresh-only plan after the out-of-band changes")
                .containsExactlyInAnyOrderElementsOf(PARITY);
        Set<String> expected = new TreeSet<>(terraformSaw);
        // Only driftwatch sees what no state holds: Terraform's refresh reads only what its state names.
        expected.add("UNMANAGED aws_security_group " + byHand);
        softly.assertThat(driftwatchReports())
                .as("driftwatch after the out-of-band changes")
                .containsExactlyInAnyOrderElementsOf(expected);
        softly.assertAll();
    }

    /**
     * Terraform's drift as "<kind> <address> <attributes>" in driftwatch's attribute names; its noise
     * ("type.attribute") goes to {@code noise}.
     */
    private static Set<String> terraformReports(Terraform terraform, AppliedState state, Set<String> noise) {
        Set<String> reports = new TreeSet<>();
        for (TerraformDrift drift : terraform.refreshOnlyDrift(VARIABLES)) {
            if (drift.action().equals("delete")) {
                reports.add("MISSING " + drift.address() + " []");
                continue;
            }
            Set<String> attributes = new TreeSet<>();
            for (String attribute : drift.changedAttributes()) {
                if (attribute.startsWith("tags")) {
                    // tags_all is the tags the cloud holds; driftwatch names the tag that changed
                    changedKeys(drift.before().get(attribute), drift.after().get(attribute))
                            .forEach(k -> attributes.add("tags." + k));
                } else if (NOISE.containsKey(drift.type() + "." + attribute)
                        || onlySeparateRules(drift, attribute, state)) {
                    noise.add(drift.type() + "." + attribute);
                } else {
                    attributes.add(attribute);
                }
            }
            if (!attributes.isEmpty()) {
                reports.add("CHANGED " + drift.address() + " " + attributes);
            }
        }
        return reports;
    }

    private static Set<String> changedKeys(Object before, Object after) {
        Map<?, ?> b = before instanceof Map<?, ?> m ? m : Map.of();
        Map<?, ?> a = after instanceof Map<?, ?> m ? m : Map.of();
        Set<String> keys = new TreeSet<>();
        b.keySet().forEach(k -> keys.add(k.toString()));
        a.keySet().forEach(k -> keys.add(k.toString()));
        keys.removeIf(k -> Objects.equals(b.get(k), a.get(k)));
        return keys;
    }

    /** Whether a group's ingress/egress changed only by rules that separate rule resources of the state hold. */
    private static boolean onlySeparateRules(TerraformDrift drift, String attribute, AppliedState state) {
        if (!drift.type().equals("aws_security_group")
                || !Set.of("ingress", "egress").contains(attribute)) {
            return false;
        }
        Set<String> before = RulePermissions.ofBlocks(attribute, drift.before().get(attribute));
        Set<String> after = RulePermissions.ofBlocks(attribute, drift.after().get(attribute));
        Set<String> changed = new HashSet<>(before);
        changed.addAll(after);
        changed.removeIf(p -> before.contains(p) && after.contains(p));
        changed.removeAll(RulePermissions.ofRuleResources(
                state, String.valueOf(drift.after().get("id")), attribute));
        return changed.isEmpty();
    }

    /** A scan of every region of the estate, then driftwatch's open findings in the same form as Terraform's. */
    private static Set<String> driftwatchReports() {
        for (long id : Scans.request(TwoRegions.REGIONS.toArray(String[]::new))) {
            assertThat(Scans.awaitFinished(id).getString("status"))
                    .as("scan " + id)
                    .isEqualTo("COMPLETE");
        }
        List<Map<String, Object>> findings = given().queryParam("status", "OPEN")
                .queryParam("limit", 1000)
                .get("/api/findings")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
        Set<String> reports = new TreeSet<>();
        for (Map<String, Object> f : findings) {
            if (f.get("kind").equals("UNMANAGED")) {
                reports.add("UNMANAGED " + f.get("type") + " " + f.get("resourceId"));
                continue;
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> diffs = (List<Map<String, Object>>) f.get("diffs");
            Set<String> attributes = diffs.stream()
                    .map(d -> d.get("path").toString())
                    .map(path -> path.startsWith("tags.") ? path : path.split("[.\\[]", 2)[0])
                    .collect(Collectors.toCollection(TreeSet::new));
            reports.add(f.get("kind") + " " + f.get("address") + " " + new ArrayList<>(attributes));
        }
        return reports;
    }

    /** us-east-1 and the aliased provider's us-west-2 (the default test profile's eu-west-1 is unreachable on purpose). */
    public static class TwoRegions implements QuarkusTestProfile {

        static final List<String> REGIONS = List.of("us-east-1", "us-west-2", Regions.GLOBAL);

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("driftwatch.inventory.regions", "us-east-1,us-west-2");
        }
    }
}
