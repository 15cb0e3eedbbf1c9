package dev.driftwatch.sweeper.delete;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Deletes an EBS snapshot; one an AMI still uses is refused by AWS ({@code InvalidSnapshot.InUse}, a dependency). */
@ApplicationScoped
public class EbsSnapshotDeleter implements Deleter {

    @Override
    public String resourceType() {
        return "aws_ebs_snapshot";
    }

    @Override
    public List<String> iamActions() {
        return List.of("ec2:DeleteSnapshot");
    }

    @Override
    public Deletion delete(AwsSession session, CloudResource snapshot) {
        session.ec2().deleteSnapshot(r -> r.snapshotId(snapshot.id()));
        return Deletion.DONE;
    }
}
