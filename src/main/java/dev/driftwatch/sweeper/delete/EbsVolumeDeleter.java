package dev.driftwatch.sweeper.delete;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Deletes an EBS volume. A volume still attached is not detached here: AWS answers {@code VolumeInUse}, a dependency,
 * and a later pass deletes it once its instance has terminated. Detaching from an instance the sweeper keeps would
 * break that instance.
 */
@ApplicationScoped
public class EbsVolumeDeleter implements Deleter {

    @Override
    public String resourceType() {
        return "aws_ebs_volume";
    }

    @Override
    public List<String> iamActions() {
        return List.of("ec2:DeleteVolume");
    }

    @Override
    public Deletion delete(AwsSession session, CloudResource volume) {
        session.ec2().deleteVolume(r -> r.volumeId(volume.id()));
        return Deletion.DONE;
    }
}
