package dev.driftwatch.sweeper.delete;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Deletes a log group with its streams and events (its id is the group name). */
@ApplicationScoped
public class LogGroupDeleter implements Deleter {

    @Override
    public String resourceType() {
        return "aws_cloudwatch_log_group";
    }

    @Override
    public List<String> iamActions() {
        return List.of("logs:DeleteLogGroup");
    }

    @Override
    public Deletion delete(AwsSession session, CloudResource group) {
        session.logs().deleteLogGroup(r -> r.logGroupName(group.id()));
        return Deletion.DONE;
    }
}
