package dev.driftwatch.remediation.action;

import dev.driftwatch.aws.AwsSession;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Instance;

/** An EC2 instance by id, EC2's "no such instance" read as gone. */
final class Instances {

    private Instances() {}

    static Optional<Instance> find(AwsSession session, String instanceId) {
        try {
            return session.ec2().describeInstances(r -> r.instanceIds(instanceId)).reservations().stream()
                    .flatMap(r -> r.instances().stream())
                    .findFirst();
        } catch (Ec2Exception e) {
            if ("InvalidInstanceID.NotFound".equals(e.awsErrorDetails().errorCode())) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
