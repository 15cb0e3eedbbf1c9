package dev.driftwatch.inventory.ec2;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.inventory.TypedCollector;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code aws_ebs_encryption_by_default}: one per region, one GetEbsEncryptionByDefault call. The provider
 * stores a random id ({@code terraform-2026...}); the state is matched by {@link #ID} instead (see
 * baseline.StateIds), and {@code id} is not compared. Off is AWS's default, so it is never unmanaged.
 */
@ApplicationScoped
public class EbsEncryptionByDefaultCollector extends TypedCollector {

    static final String TYPE = "aws_ebs_encryption_by_default";
    /** The one id every region's setting has: the region tells them apart. */
    public static final String ID = "ebs-encryption-by-default";

    public EbsEncryptionByDefaultCollector() {
        super(TYPE, "ec2", false);
    }

    @Override
    public List<CloudResource> collect(AwsSession session) {
        boolean enabled = Boolean.TRUE.equals(
                session.ec2().getEbsEncryptionByDefault(r -> {}).ebsEncryptionByDefault());
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("enabled", enabled);
        return List.of(
                new CloudResource(TYPE, ID, session.account(), session.region(), null, attributes, null, !enabled));
    }
}
