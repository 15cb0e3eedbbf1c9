package dev.driftwatch.inventory.rds;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.inventory.Tags;
import dev.driftwatch.inventory.TypedCollector;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.Tag;

/**
 * {@code aws_db_instance}: one paginated DescribeDBInstances call per 100 instances, tags included; no
 * per-instance call. The provider's id is the DbiResourceId ({@code db-...}), not the identifier. The
 * master password is never read (the API does not return it anyway).
 */
@ApplicationScoped
public class DbInstanceCollector extends TypedCollector {

    static final String TYPE = "aws_db_instance";
    /** The largest page DescribeDBInstances allows. */
    private static final int PAGE_SIZE = 100;

    public DbInstanceCollector() {
        super(TYPE, "rds", false);
    }

    @Override
    public List<CloudResource> collect(AwsSession session) {
        List<CloudResource> instances = new ArrayList<>();
        session.rds().describeDBInstancesPaginator(r -> r.maxRecords(PAGE_SIZE)).dbInstances().stream()
                // Aurora cluster members are aws_rds_cluster_instance (id = identifier), not this type.
                .filter(db -> db.dbClusterIdentifier() == null)
                .forEach(db -> instances.add(toResource(session, db)));
        return instances;
    }

    static CloudResource toResource(AwsSession session, DBInstance db) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("id", db.dbiResourceId());
        attributes.put("arn", db.dbInstanceArn());
        attributes.put("identifier", db.dbInstanceIdentifier());
        attributes.put("resource_id", db.dbiResourceId());
        attributes.put("engine", db.engine());
        // engine_version holds what was configured (it may be a prefix such as "16"); the running
        // version is engine_version_actual in the state.
        attributes.put("engine_version_actual", db.engineVersion());
        attributes.put("instance_class", db.dbInstanceClass());
        attributes.put("allocated_storage", db.allocatedStorage());
        attributes.put("storage_type", db.storageType());
        // booleans the API leaves out are false, as the provider stores them
        attributes.put("storage_encrypted", Boolean.TRUE.equals(db.storageEncrypted()));
        attributes.put("deletion_protection", Boolean.TRUE.equals(db.deletionProtection()));
        attributes.put("publicly_accessible", Boolean.TRUE.equals(db.publiclyAccessible()));
        attributes.put("backup_retention_period", db.backupRetentionPeriod());
        attributes.put("multi_az", Boolean.TRUE.equals(db.multiAZ()));
        attributes.put("tags", Tags.toMap(db.tagList(), Tag::key, Tag::value));
        return new CloudResource(
                TYPE,
                db.dbiResourceId(),
                session.account(),
                session.region(),
                db.dbInstanceArn(),
                attributes,
                db.instanceCreateTime());
    }
}
