package dev.driftwatch.baseline;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The service's memory of listed states, in PostgreSQL ({@code known_state}): it survives restarts, and
 * every replica sees what the others' reads listed.
 */
@ApplicationScoped
class DatabaseStateMemory implements StateMemory {

    private static final String COLUMNS =
            "select name, source, lineage, status, last_seen, rounds_vanished from known_state";
    private static final String UPSERT =
            "insert into known_state (name, source, lineage, status, last_seen, rounds_vanished)"
                    + " values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (name) do update set source = excluded.source,"
                    + " lineage = excluded.lineage, status = excluded.status, last_seen = excluded.last_seen,"
                    + " rounds_vanished = excluded.rounds_vanished";

    /** Looked up when used, not injected: the one-shot check runs with Hibernate inactive. */
    private static EntityManager em() {
        return Panache.getEntityManager();
    }

    @Override
    public Map<String, KnownState> of(String source) {
        Map<String, KnownState> states = new LinkedHashMap<>();
        query(COLUMNS + " where source = ?1 order by name", source).forEach(s -> states.put(s.name(), s));
        return states;
    }

    @Override
    public void remember(String source, Collection<KnownState> states) {
        QuarkusTransaction.requiringNew().run(() -> {
            List<String> names = states.stream().map(KnownState::name).toList();
            if (names.isEmpty()) {
                em().createNativeQuery("delete from known_state where source = ?1")
                        .setParameter(1, source)
                        .executeUpdate();
            } else {
                em().createNativeQuery("delete from known_state where source = ?1 and name not in (?2)")
                        .setParameter(1, source)
                        .setParameter(2, names)
                        .executeUpdate();
            }
            states.forEach(s -> em().createNativeQuery(UPSERT)
                    .setParameter(1, s.name())
                    .setParameter(2, s.source())
                    .setParameter(3, s.lineage())
                    .setParameter(4, s.status().name())
                    .setParameter(5, Timestamp.from(s.lastSeen()))
                    .setParameter(6, s.roundsVanished())
                    .executeUpdate());
        });
    }

    @Override
    public List<KnownState> all() {
        return query(COLUMNS + " order by source, name", null);
    }

    @Override
    public Optional<KnownState> forget(String name) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<KnownState> known =
                    query(COLUMNS + " where name = ?1", name).stream().findFirst();
            known.ifPresent(s -> em().createNativeQuery("delete from known_state where name = ?1")
                    .setParameter(1, name)
                    .executeUpdate());
            return known;
        });
    }

    @SuppressWarnings("unchecked")
    private static List<KnownState> query(String sql, String parameter) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            var query = em().createNativeQuery(sql);
            if (parameter != null) {
                query.setParameter(1, parameter);
            }
            return ((List<Object[]>) query.getResultList())
                    .stream().map(DatabaseStateMemory::row).toList();
        });
    }

    private static KnownState row(Object[] row) {
        return new KnownState(
                (String) row[0],
                (String) row[1],
                (String) row[2],
                KnownState.Status.valueOf((String) row[3]),
                instant(row[4]),
                ((Number) row[5]).intValue());
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
