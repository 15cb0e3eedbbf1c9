package dev.driftwatch.sweeper.delete;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

/**
 * Terminates an instance; its volumes that delete on termination go with it, the others are swept after it. Termination
 * protection is respected: the call fails and the failure is reported.
 */
@ApplicationScoped
public class InstanceDeleter implements Deleter {

    @Override
    public String resourceType() {
        return "aws_instance";
    }

    @Override
    public List<String> iamActions() {
        return List.of("ec2:TerminateInstances", "ec2:DescribeInstances");
    }

    @Override
    public Deletion delete(AwsSession session, CloudResource instance) {
        session.ec2().terminateInstances(r -> r.instanceIds(instance.id()));
        return Deletion.STARTED;
    }

    @Override
    public boolean finished(AwsSession session, CloudResource instance) {
        // AWS lists a terminated instance for about an hour, then answers InvalidInstanceID.NotFound
        return Background.finished(
                () -> session.ec2().describeInstances(r -> r.instanceIds(instance.id())).reservations().stream()
                        .flatMap(r -> r.instances().stream())
                        .allMatch(i -> i.state().name() == InstanceStateName.TERMINATED));
    }
}
