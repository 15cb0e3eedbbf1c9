package dev.driftwatch.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.resource.ResourceKey;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the latest snapshot of every live resource: one batched upsert per scan, then the resources of
 * completely listed types that the scan no longer saw are dropped. Types that could not be read, and
 * resources left unknown, keep their last snapshot.
 */
@ApplicationScoped
public class ResourceSnapshotStore {

    private static final String UPSERT = """
            insert into resource_snapshot (account, region, resource_type, resource_id, arn, attributes, created_at,
                                           first_seen, last_seen, last_scan_id)
            values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)
            on conflict (account, region, resource_type, resource_id) do update
               set arn = excluded.arn, attributes = excluded.attributes,
                   created_at = coalesce(excluded.created_at, resource_snapshot.created_at),
                   last_seen = excluded.last_seen, last_scan_id = excluded.last_scan_id""";
    /** A resource left unknown was listed: it is still there, so it keeps its last snapshot. */
    private static final String KEEP_UNKNOWN = """
            update resource_snapshot set last_scan_id = ?
             where account = ? and region = ? and resource_type = ? and resource_id = ?""";

    private static final String DROP_GONE = """
            delete from resource_snapshot
             where account = ? and region = ? and resource_type = any (?) and last_scan_id <> ?""";

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;
    private final Clock clock;

    ResourceSnapshotStore(AgroalDataSource dataSource, ObjectMapper mapper, Clock clock) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Transactional
    public void store(long scanId, InventorySnapshot snapshot) {
        Timestamp now = Timestamp.from(clock.instant()); // first and last seen
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                for (CloudResource r : snapshot.resources()) {
                    upsert.setString(1, r.account());
                    upsert.setString(2, r.region());
                    upsert.setString(3, r.type());
                    upsert.setString(4, r.id());
                    upsert.setString(5, r.arn());
                    upsert.setString(6, mapper.writeValueAsString(r.attributes()));
                    upsert.setTimestamp(7, r.createdAt() == null ? null : Timestamp.from(r.createdAt()));
                    upsert.setTimestamp(8, now);
                    upsert.setTimestamp(9, now);
                    upsert.setLong(10, scanId);
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            try (PreparedStatement keep = connection.prepareStatement(KEEP_UNKNOWN)) {
                for (ResourceKey unknown : snapshot.unknown()) {
                    keep.setLong(1, scanId);
                    keep.setString(2, snapshot.target().account());
                    keep.setString(3, snapshot.target().region());
                    keep.setString(4, unknown.type());
                    keep.setString(5, unknown.id());
                    keep.addBatch();
                }
                keep.executeBatch();
            }
            try (PreparedStatement drop = connection.prepareStatement(DROP_GONE)) {
                drop.setString(1, snapshot.target().account());
                drop.setString(2, snapshot.target().region());
                drop.setArray(
                        3,
                        connection.createArrayOf(
                                "varchar", snapshot.listedTypes().toArray()));
                drop.setLong(4, scanId);
                drop.executeUpdate();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot store resource snapshots of " + snapshot.target(), e);
        }
    }

    /** The attributes of the latest snapshot of every resource of one account and region, by type and id. */
    public Map<ResourceKey, Map<String, Object>> attributesOf(String account, String region) {
        Map<ResourceKey, Map<String, Object>> byKey = new HashMap<>();
        for (ResourceSnapshotEntity s :
                ResourceSnapshotEntity.<ResourceSnapshotEntity>list("account = ?1 and region = ?2", account, region)) {
            byKey.put(new ResourceKey(s.resourceType, s.resourceId), s.attributes);
        }
        return byKey;
    }

    /** One resource as the latest scan that read it saw it; empty when driftwatch holds no snapshot of it. */
    public Optional<CloudResource> latest(String account, String region, ResourceKey key) {
        return ResourceSnapshotEntity.<ResourceSnapshotEntity>find(
                        "account = ?1 and region = ?2 and resourceType = ?3 and resourceId = ?4",
                        account,
                        region,
                        key.type(),
                        key.id())
                .firstResultOptional()
                .map(s -> new CloudResource(
                        s.resourceType, s.resourceId, s.account, s.region, s.arn, s.attributes, s.createdAt));
    }
}
