package dev.driftwatch.inventory.kms;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.inventory.ResourceReads;
import dev.driftwatch.inventory.Tags;
import dev.driftwatch.inventory.TypedCollector;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyManagerType;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.MultiRegionKeyType;
import software.amazon.awssdk.services.kms.model.OriginType;
import software.amazon.awssdk.services.kms.model.Tag;

/**
 * {@code aws_kms_key}, customer-managed keys only: one paginated ListKeys call per 1,000 keys (it gives
 * ids only), then per key DescribeKey (forced: the only source of the key's manager and settings); per
 * customer key ListResourceTags (forced: tags are per key) and, for symmetric keys in KMS's own store,
 * GetKeyRotationStatus (forced: the only source of the rotation setting). The key policy is not read.
 */
@ApplicationScoped
public class KmsKeyCollector extends TypedCollector {

    static final String TYPE = "aws_kms_key";
    /** The largest page ListKeys and ListResourceTags allow. */
    private static final int PAGE_SIZE = 1000;

    public KmsKeyCollector() {
        super(TYPE, "kms", false);
    }

    @Override
    public List<CloudResource> collect(AwsSession session) {
        KmsClient kms = session.kms();
        List<KeyListEntry> listed =
                kms.listKeysPaginator(r -> r.limit(PAGE_SIZE)).keys().stream().toList();
        // a key whose policy refuses one of these calls is unknown in this scan, the other keys are read
        return ResourceReads.each(session, this, listed, KeyListEntry::keyId, entry -> {
            KeyMetadata key = kms.describeKey(r -> r.keyId(entry.keyId())).keyMetadata(); // per key: forced
            return managedAsAwsKmsKey(key) ? Optional.of(toResource(session, kms, key)) : Optional.empty();
        });
    }

    /**
     * AWS-managed keys are not Terraform's; keys pending deletion the provider treats as gone; replicas
     * are {@code aws_kms_replica_key} and imported-material keys {@code aws_kms_external_key}.
     */
    private static boolean managedAsAwsKmsKey(KeyMetadata key) {
        boolean replica = key.multiRegionConfiguration() != null
                && key.multiRegionConfiguration().multiRegionKeyType() == MultiRegionKeyType.REPLICA;
        return key.keyManager() == KeyManagerType.CUSTOMER
                && key.keyState() != KeyState.PENDING_DELETION
                && key.keyState() != KeyState.PENDING_REPLICA_DELETION
                && key.origin() != OriginType.EXTERNAL
                && !replica;
    }

    private static CloudResource toResource(AwsSession session, KmsClient kms, KeyMetadata key) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("id", key.keyId());
        attributes.put("arn", key.arn());
        attributes.put("key_id", key.keyId());
        attributes.put("description", key.description());
        attributes.put("key_usage", key.keyUsageAsString());
        attributes.put("customer_master_key_spec", key.keySpecAsString());
        attributes.put("is_enabled", key.enabled());
        attributes.put("multi_region", Boolean.TRUE.equals(key.multiRegion()));
        attributes.put("enable_key_rotation", rotationEnabled(kms, key));
        List<Tag> tags = new ArrayList<>();
        kms.listResourceTagsPaginator(r -> r.keyId(key.keyId()).limit(PAGE_SIZE))
                .forEach(page -> tags.addAll(page.tags())); // per key: forced
        attributes.put("tags", Tags.toMap(tags, Tag::tagKey, Tag::tagValue));
        return new CloudResource(
                TYPE, key.keyId(), session.account(), session.region(), key.arn(), attributes, key.creationDate());
    }

    /** Only symmetric keys with KMS-generated material rotate; the provider stores false for the others. */
    private static boolean rotationEnabled(KmsClient kms, KeyMetadata key) {
        boolean rotatable = key.keySpec() == KeySpec.SYMMETRIC_DEFAULT
                && key.origin() == OriginType.AWS_KMS
                && (key.keyState() == KeyState.ENABLED || key.keyState() == KeyState.DISABLED);
        return rotatable
                && Boolean.TRUE.equals(
                        kms.getKeyRotationStatus(r -> r.keyId(key.keyId())).keyRotationEnabled()); // per key: forced
    }
}
