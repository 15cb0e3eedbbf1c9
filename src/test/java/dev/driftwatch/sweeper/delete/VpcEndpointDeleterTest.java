package dev.driftwatch.sweeper.delete;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.resource.CloudResource;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DeleteVpcEndpointsResponse;
import software.amazon.awssdk.services.ec2.model.UnsuccessfulItem;

/**
 * DeleteVpcEndpoints answers 200 and names the endpoints it did not delete, each with its error; moto never names
 * one, so the answers AWS gives are given here.
 */
class VpcEndpointDeleterTest {

    private static final String ID = "vpce-0a1b2c3d4e5f60718";
    private static final CloudResource ENDPOINT =
            new CloudResource("aws_vpc_endpoint", ID, "123456789012", "us-east-1", null, Map.of(), null);

    @Test
    void anEndpointAwsDidNotDeleteIsItsErrorClassifiedAsADeleteOfItsOwnWouldBe() {
        assertThatThrownBy(() -> new VpcEndpointDeleter()
                        .delete(answering(unsuccessful(ID, "DependencyViolation", "in use")), ENDPOINT))
                .satisfies(e -> assertThat(DeleteErrors.dependency(e)).isTrue())
                .hasMessageContaining(ID);
        assertThatThrownBy(() -> new VpcEndpointDeleter()
                        .delete(answering(unsuccessful(ID, "InvalidVpcEndpoint.NotFound", "does not exist")), ENDPOINT))
                .satisfies(e -> assertThat(DeleteErrors.gone(e)).isTrue());
        assertThatThrownBy(() -> new VpcEndpointDeleter()
                        .delete(answering(unsuccessful(ID, "UnauthorizedOperation", "denied")), ENDPOINT))
                .satisfies(e -> {
                    assertThat(DeleteErrors.dependency(e)).isFalse();
                    assertThat(DeleteErrors.gone(e)).isFalse();
                });
    }

    @Test
    void anAnswerNamingNoEndpointOrAnotherOneIsAStartedDeletion() {
        assertThat(new VpcEndpointDeleter().delete(answering(List.of()), ENDPOINT))
                .isEqualTo(Deletion.STARTED);
        assertThat(new VpcEndpointDeleter()
                        .delete(answering(unsuccessful("vpce-other", "DependencyViolation", "in use")), ENDPOINT))
                .isEqualTo(Deletion.STARTED);
    }

    private static List<UnsuccessfulItem> unsuccessful(String id, String code, String message) {
        return List.of(UnsuccessfulItem.builder()
                .resourceId(id)
                .error(e -> e.code(code).message(message))
                .build());
    }

    /** A session whose EC2 client answers DeleteVpcEndpoints with these items and nothing else. */
    private static AwsSession answering(List<UnsuccessfulItem> items) {
        DeleteVpcEndpointsResponse response =
                DeleteVpcEndpointsResponse.builder().unsuccessful(items).build();
        Ec2Client ec2 = (Ec2Client) Proxy.newProxyInstance(
                Ec2Client.class.getClassLoader(), new Class<?>[] {Ec2Client.class}, (proxy, method, args) -> {
                    if (method.getName().equals("deleteVpcEndpoints")) {
                        return response;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return (AwsSession) Proxy.newProxyInstance(
                AwsSession.class.getClassLoader(), new Class<?>[] {AwsSession.class}, (proxy, method, args) -> {
                    if (method.getName().equals("ec2")) {
                        return ec2;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
