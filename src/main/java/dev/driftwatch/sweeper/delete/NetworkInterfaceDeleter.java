package dev.driftwatch.sweeper.delete;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Deletes a network interface. One still attached is not detached here: AWS answers
 * {@code InvalidNetworkInterface.InUse}, a dependency, and a later pass deletes it once its instance (or the service
 * that made it) has let go.
 */
@ApplicationScoped
public class NetworkInterfaceDeleter implements Deleter {

    @Override
    public String resourceType() {
        return "aws_network_interface";
    }

    @Override
    public List<String> iamActions() {
        return List.of("ec2:DeleteNetworkInterface");
    }

    @Override
    public Deletion delete(AwsSession session, CloudResource networkInterface) {
        session.ec2().deleteNetworkInterface(r -> r.networkInterfaceId(networkInterface.id()));
        return Deletion.DONE;
    }
}
