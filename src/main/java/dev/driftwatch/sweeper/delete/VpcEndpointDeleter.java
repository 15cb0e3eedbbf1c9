package dev.driftwatch.sweeper.delete;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.inventory.ec2.VpcEndpointCollector;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.UnsuccessfulItem;

/**
 * Deletes a VPC endpoint. AWS deletes it in the background and only then removes an interface endpoint's interfaces
 * from their subnets and security groups and a gateway endpoint's routes from their tables, so those wait for
 * {@link #finished}.
 */
@ApplicationScoped
public class VpcEndpointDeleter implements Deleter {

    /** Lower case, as AWS answers them (the SDK's {@code State} enum spells them otherwise and does not match). */
    private static final Set<String> DONE = Set.of("deleted", "failed", "rejected", "expired");

    @Override
    public String resourceType() {
        return "aws_vpc_endpoint";
    }

    @Override
    public List<String> iamActions() {
        return List.of("ec2:DeleteVpcEndpoints", "ec2:DescribeVpcEndpoints");
    }

    @Override
    public Deletion delete(AwsSession session, CloudResource endpoint) {
        // A batch call: AWS answers 200 and names each endpoint it could not delete, with that endpoint's error.
        List<UnsuccessfulItem> refused =
                session.ec2().deleteVpcEndpoints(r -> r.vpcEndpointIds(endpoint.id())).unsuccessful().stream()
                        .filter(item -> endpoint.id().equals(item.resourceId()))
                        .toList();
        if (!refused.isEmpty()) {
            throw refusal(refused.get(0));
        }
        return Deletion.STARTED;
    }

    @Override
    public boolean finished(AwsSession session, CloudResource endpoint) {
        // AWS lists a deleted endpoint a while, then answers InvalidVpcEndpointId.NotFound; one that failed, was
        // rejected or expired holds no interface or route
        return Background.finished(
                () -> session.ec2().describeVpcEndpoints(r -> r.vpcEndpointIds(endpoint.id())).vpcEndpoints().stream()
                        .allMatch(e -> DONE.contains(VpcEndpointCollector.state(e))));
    }

    /** The item's error as the exception a single delete would have thrown, so DeleteErrors classifies it. */
    private static Ec2Exception refusal(UnsuccessfulItem item) {
        String code = item.error() == null ? null : item.error().code();
        String message = item.error() == null ? "no error given" : item.error().message();
        return (Ec2Exception) Ec2Exception.builder()
                .message("DeleteVpcEndpoints refused " + item.resourceId() + ": " + code + ": " + message)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(code)
                        .errorMessage(message)
                        .serviceName("Ec2")
                        .build())
                .statusCode(400)
                .build();
    }
}
