package dev.driftwatch.sweeper.delete;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Deletes an instance profile (its id is its name) after removing its role (a profile holds one at most; the collector
 * reports it as {@code role}). The role stays; an instance still using the profile keeps its credentials until it
 * stops.
 */
@ApplicationScoped
public class IamInstanceProfileDeleter implements Deleter {

    @Override
    public String resourceType() {
        return "aws_iam_instance_profile";
    }

    @Override
    public List<String> iamActions() {
        return List.of("iam:RemoveRoleFromInstanceProfile", "iam:DeleteInstanceProfile");
    }

    @Override
    public Deletion delete(AwsSession session, CloudResource profile) {
        IamClient iam = session.iam();
        Attributes.text(profile, "role")
                .ifPresent(role -> iam.removeRoleFromInstanceProfile(
                        r -> r.instanceProfileName(profile.id()).roleName(role)));
        iam.deleteInstanceProfile(r -> r.instanceProfileName(profile.id()));
        return Deletion.DONE;
    }
}
