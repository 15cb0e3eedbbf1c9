package dev.driftwatch.sweeper.delete;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

/**
 * Releases an Elastic IP (its id is the allocation id), disassociating it first if the sweeper's fresh read shows it
 * associated with an instance or interface. A NAT gateway's address cannot be disassociated: it is swept after the
 * gateway, whose deletion frees it.
 */
@ApplicationScoped
public class EipDeleter implements Deleter {

    @Override
    public String resourceType() {
        return "aws_eip";
    }

    @Override
    public List<String> iamActions() {
        return List.of("ec2:DisassociateAddress", "ec2:ReleaseAddress");
    }

    @Override
    public Deletion delete(AwsSession session, CloudResource address) {
        var ec2 = session.ec2();
        Attributes.text(address, "association_id").ifPresent(association -> {
            try {
                ec2.disassociateAddress(r -> r.associationId(association));
            } catch (Ec2Exception e) {
                // the association ended since the read: the address is still there to release, not gone
                if (!"InvalidAssociationID.NotFound".equals(e.awsErrorDetails().errorCode())) {
                    throw e;
                }
            }
        });
        ec2.releaseAddress(r -> r.allocationId(address.id()));
        return Deletion.DONE;
    }
}
