package dev.driftwatch.remediation.action;

import dev.driftwatch.aws.AwsSession;
import java.util.function.Consumer;

/**
 * One write: the call as it is recorded (and shown in dry-run), and the code that makes exactly that call.
 *
 * @param call  the AWS operation and its parameters, e.g. {@code ec2:RevokeSecurityGroupIngress}
 * @param write makes the call with the session it is given
 */
public record Fix(PlannedCall call, Consumer<AwsSession> write) {

    public void apply(AwsSession session) {
        write.accept(session);
    }
}
