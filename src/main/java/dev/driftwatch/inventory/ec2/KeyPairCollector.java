package dev.driftwatch.inventory.ec2;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.inventory.Arns;
import dev.driftwatch.inventory.Tags;
import dev.driftwatch.inventory.TypedCollector;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.KeyPairInfo;

/**
 * {@code aws_key_pair}, by key name: one DescribeKeyPairs call (the API has no pagination), without the public
 * key material; createdAt = CreateTime.
 */
@ApplicationScoped
public class KeyPairCollector extends TypedCollector {

    static final String TYPE = "aws_key_pair";

    public KeyPairCollector() {
        super(TYPE, "ec2", false);
    }

    @Override
    public List<CloudResource> collect(AwsSession session) {
        return session.ec2().describeKeyPairs(r -> {}).keyPairs().stream()
                .map(k -> toResource(session, k))
                .toList();
    }

    private static CloudResource toResource(AwsSession session, KeyPairInfo k) {
        String arn = Arns.of(session.region(), session.account(), "ec2", "key-pair/" + k.keyName());
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("arn", arn);
        a.put("fingerprint", k.keyFingerprint());
        a.put("id", k.keyName());
        a.put("key_name", k.keyName());
        a.put("key_pair_id", k.keyPairId());
        a.put("key_type", k.keyTypeAsString());
        a.put("tags", Tags.toMap(k.tags()));
        return new CloudResource(TYPE, k.keyName(), session.account(), session.region(), arn, a, k.createTime());
    }
}
