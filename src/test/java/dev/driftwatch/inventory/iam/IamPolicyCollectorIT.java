package dev.driftwatch.inventory.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.drift.DriftKind;
import dev.driftwatch.inventory.Regions;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.testsupport.DriftCheck;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;

class IamPolicyCollectorIT {

    static final String DOCUMENT =
            "{\"Statement\":[{\"Action\":[\"s3:GetObject\"],\"Effect\":\"Allow\",\"Resource\":\"*\"}],\"Version\":\"2012-10-17\"}";

    private final MotoSession session = MotoSession.in(Regions.GLOBAL);
    private final IamPolicyCollector collector = new IamPolicyCollector();

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void collectsCustomerPoliciesWithTheDefaultDocumentAndSeesANewDefaultVersion() {
        IamClient iam = session.iam();
        String arn = iam.createPolicy(r -> r.policyName("app-policy")
                        .description("app policy")
                        .policyDocument(
                                "{ \"Version\": \"2012-10-17\", \"Statement\": [ { \"Effect\": \"Allow\", \"Action\": [\"s3:GetObject\"], \"Resource\": \"*\" } ] }")
                        .tags(t -> t.key("Team").value("app")))
                .policy()
                .arn();
        // as provider 5.100 wrote it from jsonencode(...); policy_id is not compared (moto's authorization details
        // leave it out)
        Map<String, Object> state = Map.ofEntries(
                Map.entry("arn", arn),
                Map.entry("attachment_count", 0),
                Map.entry("description", "app policy"),
                Map.entry("id", arn),
                Map.entry("name", "app-policy"),
                Map.entry("name_prefix", ""),
                Map.entry("path", "/"),
                Map.entry("policy", DOCUMENT),
                Map.entry("policy_id", "AYQWR06VA8J5TKSVQZCN7"),
                Map.entry("tags", Map.of("Team", "app")),
                Map.entry("tags_all", Map.of("Team", "app")));

        List<CloudResource> collected = collector.collect(session);
        assertThat(collected).extracting(CloudResource::id).containsExactly(arn); // customer-managed only
        CloudResource live = collected.get(0);
        assertThat(live.arn()).isEqualTo("arn:aws:iam::" + Moto.ACCOUNT + ":policy/app-policy");
        assertThat(live.createdAt()).isNotNull();
        assertThat(live.attributes()).containsEntry("policy", DOCUMENT).containsEntry("tags", Map.of("Team", "app"));
        assertThat(DriftCheck.compare(live, state)).isEmpty();

        iam.createPolicyVersion(
                r -> r.policyArn(arn).setAsDefault(true).policyDocument(DOCUMENT.replace("s3:GetObject", "s3:*")));
        CloudResource changed = DriftCheck.find(collector.collect(session), arn);
        assertThat(DriftCheck.compare(changed, state)).singleElement().satisfies(drift -> {
            assertThat(drift.kind()).isEqualTo(DriftKind.CHANGED);
            assertThat(drift.diffs()).singleElement().satisfies(d -> {
                assertThat(d.path()).isEqualTo("policy");
                assertThat(d.actual().toString()).contains("s3:*");
            });
        });
    }
}
