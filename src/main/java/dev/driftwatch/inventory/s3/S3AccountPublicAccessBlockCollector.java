package dev.driftwatch.inventory.s3;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.aws.S3Control;
import dev.driftwatch.inventory.TypedCollector;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code aws_s3_account_public_access_block}: one S3 Control GetPublicAccessBlock call per account; id =
 * account id, as the provider stores it. An account without a block reads as all four settings off (what
 * AWS then applies) and AWS-managed, so a block deleted by hand still differs from the state.
 */
@ApplicationScoped
public class S3AccountPublicAccessBlockCollector extends TypedCollector {

    static final String TYPE = "aws_s3_account_public_access_block";

    public S3AccountPublicAccessBlockCollector() {
        super(TYPE, "s3", true);
    }

    @Override
    public List<CloudResource> collect(AwsSession session) {
        String account = session.account();
        var block = session.s3Control().getPublicAccessBlock(account);
        S3Control.PublicAccessBlock settings =
                block.orElse(new S3Control.PublicAccessBlock(false, false, false, false));
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("id", account);
        attributes.put("account_id", account);
        attributes.put("block_public_acls", settings.blockPublicAcls());
        attributes.put("block_public_policy", settings.blockPublicPolicy());
        attributes.put("ignore_public_acls", settings.ignorePublicAcls());
        attributes.put("restrict_public_buckets", settings.restrictPublicBuckets());
        return List.of(
                new CloudResource(TYPE, account, account, session.region(), null, attributes, null, block.isEmpty()));
    }
}
