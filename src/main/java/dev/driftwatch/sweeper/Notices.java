package dev.driftwatch.sweeper;

import dev.driftwatch.resource.ResourceKey;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What earlier sweeps of an account told people: when each resource was first announced for deletion (the notice
 * period counts from then), and which resources a person kept through the API (kept from every later sweep).
 */
@ApplicationScoped
public class Notices {

    /** What earlier sweeps said of the account's resources. */
    public record Earlier(Map<Sightings.Key, Instant> noticed, Set<Sightings.Key> kept) {

        public static final Earlier NONE = new Earlier(Map.of(), Set.of());
    }

    @Transactional
    public Earlier of(String account) {
        Map<Sightings.Key, Instant> noticed = new HashMap<>();
        List<Object[]> first = Panache.getEntityManager()
                .createQuery(
                        "select i.region, i.resourceType, i.resourceId, min(s.plannedAt) from SweepItemEntity i,"
                                + " SweepEntity s where s.id = i.sweepId and s.account = ?1 and i.decision = ?2"
                                + " group by i.region, i.resourceType, i.resourceId",
                        Object[].class)
                .setParameter(1, account)
                .setParameter(2, SweepDecision.NOTICED)
                .getResultList();
        first.forEach(row -> noticed.put(key(row), (Instant) row[3]));
        Set<Sightings.Key> kept = new HashSet<>();
        Panache.getEntityManager()
                .createQuery(
                        "select i.region, i.resourceType, i.resourceId from SweepItemEntity i, SweepEntity s"
                                + " where s.id = i.sweepId and s.account = ?1 and i.decision = ?2",
                        Object[].class)
                .setParameter(1, account)
                .setParameter(2, SweepDecision.KEPT_ON_REQUEST)
                .getResultList()
                .forEach(row -> kept.add(key(row)));
        return new Earlier(noticed, kept);
    }

    private static Sightings.Key key(Object[] row) {
        return new Sightings.Key((String) row[0], new ResourceKey((String) row[1], (String) row[2]));
    }
}
