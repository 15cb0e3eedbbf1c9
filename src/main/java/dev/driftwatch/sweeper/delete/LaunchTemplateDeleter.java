package dev.driftwatch.sweeper.delete;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Deletes a launch template with all its versions. */
@ApplicationScoped
public class LaunchTemplateDeleter implements Deleter {

    @Override
    public String resourceType() {
        return "aws_launch_template";
    }

    @Override
    public List<String> iamActions() {
        return List.of("ec2:DeleteLaunchTemplate");
    }

    @Override
    public Deletion delete(AwsSession session, CloudResource template) {
        session.ec2().deleteLaunchTemplate(r -> r.launchTemplateId(template.id()));
        return Deletion.DONE;
    }
}
