package dev.driftwatch.policy.pack;

import dev.driftwatch.testsupport.Database;
import dev.driftwatch.testsupport.KafkaBroker;
import dev.driftwatch.testsupport.MotoSession;
import dev.driftwatch.testsupport.PolicyInService;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.HttpTokensState;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataOptionsRequest;
import software.amazon.awssdk.services.ec2.model.Tag;

/** Built-in EC2 instance policies in the running service, on instances in moto. */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
class InstancePoliciesIT {

    private static final String REGION = "us-east-1";
    private static final String AMI = "ami-03cf127a"; // one of moto's stock images

    private final Ec2Client ec2 = MotoSession.in(REGION).ec2();

    @BeforeEach
    void reset() {
        Database.cleanSlate();
    }

    @Test
    void imdsV1Accepted() {
        launch(m -> m.httpTokens(HttpTokensState.REQUIRED));
        String optional = launch(m -> m.httpTokens(HttpTokensState.OPTIONAL));
        try (PolicyInService policy = PolicyInService.load("instance-imdsv2-required", REGION)) {
            String finding = policy.assertOnlyViolation(
                    optional, "instance " + optional + " accepts IMDSv1 (http_tokens is not required)");

            ec2.modifyInstanceMetadataOptions(r -> r.instanceId(optional).httpTokens(HttpTokensState.REQUIRED));
            policy.assertResolved(finding);
        }
    }

    @Test
    void requiredTagsMissingOrEmpty() {
        String tagged = launch(m -> m.httpTokens(HttpTokensState.REQUIRED));
        String untagged = launch(m -> m.httpTokens(HttpTokensState.REQUIRED));
        ec2.createTags(r -> r.resources(tagged).tags(tag("owner", "ana"), tag("team", "payments")));
        // an empty value counts as missing
        ec2.createTags(r -> r.resources(untagged).tags(tag("team", ""), tag("Name", "web")));
        try (PolicyInService policy = PolicyInService.load("required-tags-instance", REGION)) {
            String finding =
                    policy.assertOnlyViolation(untagged, "aws_instance " + untagged + " lacks the tags owner, team");

            ec2.createTags(r -> r.resources(untagged).tags(tag("owner", "bo"), tag("team", "search")));
            policy.assertResolved(finding);
        }
    }

    private String launch(Consumer<InstanceMetadataOptionsRequest.Builder> metadata) {
        return ec2.runInstances(r -> r.imageId(AMI)
                        .instanceType("t3.micro")
                        .minCount(1)
                        .maxCount(1)
                        .metadataOptions(metadata))
                .instances()
                .get(0)
                .instanceId();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}
