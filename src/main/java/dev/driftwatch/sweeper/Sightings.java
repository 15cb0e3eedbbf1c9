package dev.driftwatch.sweeper;

import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.resource.ResourceKey;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When driftwatch first saw each resource: the earlier of the scans' {@code resource_snapshot.first_seen} and the
 * sweeper's own first sight ({@code sweep_sighting}), recorded here for resources a sweep sees for the first time.
 * Kept in PostgreSQL, never as a tag on the resource.
 */
@ApplicationScoped
public class Sightings {

    private static final String SIGHT = """
            insert into sweep_sighting (account, region, resource_type, resource_id, first_seen) values (?, ?, ?, ?, ?)
            on conflict do nothing""";
    private static final String FIRST_SEEN = """
            select s.region, s.resource_type, s.resource_id, least(s.first_seen, r.first_seen)
              from sweep_sighting s
              left join resource_snapshot r on r.account = s.account and r.region = s.region
                    and r.resource_type = s.resource_type and r.resource_id = s.resource_id
             where s.account = ?""";

    private final AgroalDataSource dataSource;
    private final Clock clock;

    Sightings(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Records the resources seen now, and answers when each of the account's resources was first seen. */
    @Transactional
    public Map<Key, Instant> sight(String account, List<CloudResource> seen) {
        Timestamp now = Timestamp.from(clock.instant());
        Map<Key, Instant> firstSeen = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement sight = connection.prepareStatement(SIGHT)) {
                for (CloudResource r : seen) {
                    sight.setString(1, account);
                    sight.setString(2, r.region());
                    sight.setString(3, r.type());
                    sight.setString(4, r.id());
                    sight.setTimestamp(5, now);
                    sight.addBatch();
                }
                sight.executeBatch();
            }
            try (PreparedStatement query = connection.prepareStatement(FIRST_SEEN)) {
                query.setString(1, account);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        firstSeen.put(
                                new Key(rows.getString(1), new ResourceKey(rows.getString(2), rows.getString(3))),
                                rows.getTimestamp(4).toInstant());
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record or read first sightings of " + account, e);
        }
        return firstSeen;
    }

    /** A resource of an account, by region. */
    public record Key(String region, ResourceKey resource) {

        static Key of(CloudResource r) {
            return new Key(r.region(), r.key());
        }
    }
}
