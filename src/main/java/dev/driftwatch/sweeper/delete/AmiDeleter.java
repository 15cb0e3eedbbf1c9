package dev.driftwatch.sweeper.delete;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Deregisters an AMI the account owns. Its snapshots stay: they are {@code aws_ebs_snapshot}s, swept after the AMI
 * (AWS refuses them with {@code InvalidSnapshot.InUse} while it is registered), and kept if protected on their own.
 */
@ApplicationScoped
public class AmiDeleter implements Deleter {

    @Override
    public String resourceType() {
        return "aws_ami";
    }

    @Override
    public List<String> iamActions() {
        return List.of("ec2:DeregisterImage");
    }

    @Override
    public Deletion delete(AwsSession session, CloudResource image) {
        session.ec2().deregisterImage(r -> r.imageId(image.id()));
        return Deletion.DONE;
    }
}
