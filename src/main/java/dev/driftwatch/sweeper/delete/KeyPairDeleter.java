package dev.driftwatch.sweeper.delete;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Deletes a key pair (its id is the key name); instances launched with it keep running and keep the key. */
@ApplicationScoped
public class KeyPairDeleter implements Deleter {

    @Override
    public String resourceType() {
        return "aws_key_pair";
    }

    @Override
    public List<String> iamActions() {
        return List.of("ec2:DeleteKeyPair");
    }

    @Override
    public Deletion delete(AwsSession session, CloudResource keyPair) {
        session.ec2().deleteKeyPair(r -> r.keyName(keyPair.id()));
        return Deletion.DONE;
    }
}
