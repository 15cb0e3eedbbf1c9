package dev.driftwatch.drift;

import dev.driftwatch.baseline.ExpectedResource;
import dev.driftwatch.resource.AttributeDiff;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.resource.ResourceKey;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Matches live resources with their expected twins by (type, id) and says how they differ. It only
 * speaks about what was read: MISSING needs the type to have been read completely, UNMANAGED needs every
 * state to have been read.
 */
@ApplicationScoped
public class DriftComparator {

    private final Map<String, Normaliser> normalisers;

    public DriftComparator(@All List<Normaliser> normalisers) {
        this.normalisers = normalisers.stream().collect(Collectors.toMap(Normaliser::resourceType, Function.identity()));
    }

    /**
     * @param live             what the cloud holds in one account and region
     * @param expected         what the states say should be there
     * @param readTypes        types read completely in this scan
     * @param baselineComplete whether every state source could be read
     */
    public List<DriftObservation> compare(List<CloudResource> live, List<ExpectedResource> expected, Set<String> readTypes,
            boolean baselineComplete) {
        Map<ResourceKey, CloudResource> liveByKey = new HashMap<>();
        live.forEach(r -> liveByKey.put(r.key(), r));
        Set<ResourceKey> managed = new HashSet<>();
        List<DriftObservation> observations = new ArrayList<>();
        for (ExpectedResource want : expected) {
            String liveType = ResourceFamilies.liveType(want.resource().type());
            if (!readTypes.contains(liveType)) {
                continue; // not read (or not collected at all): nothing can be said about it
            }
            CloudResource have = liveByKey.remove(new ResourceKey(liveType, want.resource().id()));
            if (have != null) {
                managed.add(have.key());
            }
            if (have == null) {
                observations.add(new DriftObservation(DriftKind.MISSING, want.resource(), want.address(), want.stateFile(), List.of()));
                continue;
            }
            List<AttributeDiff> diffs = diff(liveType, want.resource(), have);
            if (!diffs.isEmpty()) {
                observations.add(new DriftObservation(DriftKind.CHANGED, have, want.address(), want.stateFile(), diffs));
            }
        }
        if (baselineComplete) {
            liveByKey.values().stream()
                    .filter(r -> readTypes.contains(r.type()) && !normaliserOf(r.type(), r).awsManaged(r))
                    .filter(r -> ResourceFamilies.reportUnmanaged(r, managed))
                    .forEach(r -> observations.add(new DriftObservation(DriftKind.UNMANAGED, r, null, null, List.of())));
        }
        return observations;
    }

    private List<AttributeDiff> diff(String type, CloudResource expected, CloudResource actual) {
        Normaliser normaliser = normaliserOf(type, actual);
        return AttributeDiffer.diff(normaliser.normalise(expected.attributes()), normaliser.normalise(actual.attributes()));
    }

    /** The type's own normaliser, else one comparing exactly the attributes its collector reports. */
    private Normaliser normaliserOf(String type, CloudResource live) {
        Normaliser normaliser = normalisers.get(type);
        return normaliser != null ? normaliser : new ReportedAttributes(type, live.attributes().keySet());
    }
}
