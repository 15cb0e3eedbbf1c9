package dev.driftwatch.policy.pack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.inventory.ec2.InstanceCollector;
import dev.driftwatch.testsupport.BuiltInPolicies;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.HttpTokensState;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataOptionsRequest;
import software.amazon.awssdk.services.ec2.model.Tag;

/** Built-in EC2 instance policies against instances collected from moto. */
class InstancePoliciesIT {

    private static final String AMI = "ami-03cf127a"; // one of moto's stock images

    private final MotoSession session = MotoSession.in("us-east-1");
    private final InstanceCollector collector = new InstanceCollector();

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void imdsV1Accepted() {
        Ec2Client ec2 = session.ec2();
        launch(m -> m.httpTokens(HttpTokensState.REQUIRED));
        String optional = launch(m -> m.httpTokens(HttpTokensState.OPTIONAL));

        assertThat(BuiltInPolicies.violations("instance-imdsv2-required", collector.collect(session)))
                .singleElement().satisfies(v -> {
                    assertThat(v.resource().id()).isEqualTo(optional);
                    assertThat(v.message()).isEqualTo("instance " + optional + " accepts IMDSv1 (http_tokens is not required)");
                });

        ec2.modifyInstanceMetadataOptions(r -> r.instanceId(optional).httpTokens(HttpTokensState.REQUIRED));
        assertThat(BuiltInPolicies.violations("instance-imdsv2-required", collector.collect(session))).isEmpty();
    }

    @Test
    void requiredTagsMissingOrEmpty() {
        Ec2Client ec2 = session.ec2();
        String tagged = launch(m -> m.httpTokens(HttpTokensState.REQUIRED));
        String untagged = launch(m -> m.httpTokens(HttpTokensState.REQUIRED));
        ec2.createTags(r -> r.resources(tagged).tags(tag("owner", "ana"), tag("team", "payments")));
        // an empty value counts as missing
        ec2.createTags(r -> r.resources(untagged).tags(tag("team", ""), tag("Name", "web")));

        assertThat(BuiltInPolicies.violations("required-tags-instance", collector.collect(session)))
                .singleElement().satisfies(v -> {
                    assertThat(v.resource().id()).isEqualTo(untagged);
                    assertThat(v.message()).isEqualTo("aws_instance " + untagged + " lacks the tags owner, team");
                });

        ec2.createTags(r -> r.resources(untagged).tags(tag("owner", "bo"), tag("team", "search")));
        assertThat(BuiltInPolicies.violations("required-tags-instance", collector.collect(session))).isEmpty();
    }

    private String launch(Consumer<InstanceMetadataOptionsRequest.Builder> metadata) {
        return session.ec2().runInstances(r -> r.imageId(AMI).instanceType("t3.micro").minCount(1).maxCount(1)
                .metadataOptions(metadata)).instances().get(0).instanceId();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}
