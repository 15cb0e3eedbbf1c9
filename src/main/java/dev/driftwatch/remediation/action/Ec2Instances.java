package dev.driftwatch.remediation.action;

import dev.driftwatch.aws.AwsSession;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

/** An instance by id, read with DescribeInstances; empty when EC2 says it does not exist or it is terminated. */
final class Ec2Instances {

    private Ec2Instances() {}

    static Optional<Instance> find(AwsSession session, String instanceId) {
        try {
            return session.ec2().describeInstances(r -> r.instanceIds(instanceId)).reservations().stream()
                    .flatMap(r -> r.instances().stream())
                    .filter(i -> i.state() == null || i.state().name() != InstanceStateName.TERMINATED)
                    .findFirst();
        } catch (Ec2Exception e) {
            if ("InvalidInstanceID.NotFound".equals(e.awsErrorDetails().errorCode())) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
