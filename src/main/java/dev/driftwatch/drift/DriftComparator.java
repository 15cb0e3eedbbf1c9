package dev.driftwatch.drift;

import dev.driftwatch.baseline.ExpectedResource;
import dev.driftwatch.resource.AttributeDiff;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.resource.ResourceKey;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
 * state to have been read. Resources AWS owns are AWS-managed, not UNMANAGED, unless strict. An instance's own
 * interfaces and volumes are managed through it ({@link InstanceParts}).
 */
@ApplicationScoped
public class DriftComparator {

    private final Map<String, Normaliser> normalisers;
    private final boolean strict;

    @Inject
    public DriftComparator(@All List<Normaliser> normalisers, DriftConfig config) {
        this(normalisers, config.strict());
    }

    public DriftComparator(List<Normaliser> normalisers, boolean strict) {
        this.normalisers =
                normalisers.stream().collect(Collectors.toMap(Normaliser::resourceType, Function.identity()));
        this.strict = strict;
    }

    /**
     * @param live             what the cloud holds in one account and region
     * @param expected         what the states say should be there
     * @param readTypes        types read completely in this scan
     * @param baselineComplete whether every state source could be read
     */
    public Comparison compare(
            List<CloudResource> live,
            List<ExpectedResource> expected,
            Set<String> readTypes,
            boolean baselineComplete) {
        return compare(live, expected, readTypes, Set.of(), baselineComplete);
    }

    /**
     * @param readTypes types whose every resource was listed
     * @param unknown   resources of those types that were listed but not read completely: neither MISSING, CHANGED
     *                  nor UNMANAGED, and their types' coverage is not figured
     */
    public Comparison compare(
            List<CloudResource> live,
            List<ExpectedResource> expected,
            Set<String> readTypes,
            Set<ResourceKey> unknown,
            boolean baselineComplete) {
        List<ExpectedResource> wanted = SecurityGroupRuleSplit.split(expected);
        SeparateRules separateRules = SeparateRules.of(wanted);
        Map<ResourceKey, CloudResource> liveByKey = new HashMap<>();
        live.forEach(r -> liveByKey.put(r.key(), r));
        Set<ResourceKey> managed = new HashSet<>();
        Set<String> typesWithUnknown = unknown.stream().map(ResourceKey::type).collect(Collectors.toSet());
        CoverageTally coverage = new CoverageTally(
                readTypes.stream().filter(t -> !typesWithUnknown.contains(t)).collect(Collectors.toSet()));
        List<DriftObservation> observations = new ArrayList<>();
        for (ExpectedResource want : wanted) {
            String liveType = ResourceFamilies.liveType(want.resource().type());
            if (!readTypes.contains(liveType)) {
                continue; // not read (or not collected at all): nothing can be said about it
            }
            ResourceKey key = new ResourceKey(liveType, want.resource().id());
            if (unknown.contains(key)) {
                managed.add(key); // a state manages it: its parts are judged as a managed resource's parts
                continue;
            }
            CloudResource have = liveByKey.remove(key);
            if (have == null) {
                observations.add(new DriftObservation(
                        DriftKind.MISSING, want.resource(), want.address(), want.stateFile(), List.of()));
                continue;
            }
            if (managed.add(have.key())) {
                coverage.managed(liveType);
            }
            List<AttributeDiff> diffs = diff(liveType, want.resource(), have, separateRules).stream()
                    .filter(d -> !want.sensitive().contains(topLevel(d.path()))) // expected value unknown: never read
                    .toList();
            if (!diffs.isEmpty()) {
                observations.add(
                        new DriftObservation(DriftKind.CHANGED, have, want.address(), want.stateFile(), diffs));
            }
        }
        Set<ResourceKey> held = wanted.stream()
                .map(w -> new ResourceKey(
                        ResourceFamilies.liveType(w.resource().type()),
                        w.resource().id()))
                .collect(Collectors.toSet());
        for (CloudResource unmatched : liveByKey.values()) {
            if (!readTypes.contains(unmatched.type())) {
                continue;
            }
            if (InstanceParts.instanceOf(unmatched)
                    .filter(i -> held.contains(new ResourceKey("aws_instance", i)))
                    .isPresent()) {
                coverage.managed(unmatched.type()); // managed through its instance
                continue;
            }
            Ownership ownership = ResourceFamilies.ownership(
                    unmatched,
                    unmatched.awsManaged()
                            || normaliserOf(unmatched.type(), unmatched).awsManaged(unmatched));
            coverage.unmatched(unmatched.type(), ownership);
            boolean reported = ownership == Ownership.CUSTOMER || strict && ownership == Ownership.AWS_MANAGED;
            if (baselineComplete && reported && ResourceFamilies.reportUnmanaged(unmatched, managed)) {
                observations.add(new DriftObservation(DriftKind.UNMANAGED, unmatched, null, null, List.of()));
            }
        }
        return new Comparison(observations, baselineComplete ? coverage.byType() : List.of());
    }

    /** The live types that hold what these state resources describe ({@code aws_default_vpc} is an {@code aws_vpc}). */
    public static Set<String> liveTypesOf(List<ExpectedResource> expected) {
        return expected.stream()
                .map(e -> ResourceFamilies.liveType(e.resource().type()))
                .collect(Collectors.toSet());
    }

    private List<AttributeDiff> diff(
            String type, CloudResource expected, CloudResource actual, SeparateRules separateRules) {
        Normaliser normaliser = normaliserOf(type, actual);
        Map<String, Object> want =
                StateUnknowns.leaveOut(expected.attributes(), normaliser.normalise(expected.attributes()));
        Map<String, Object> have =
                StateUnknowns.leaveOut(expected.attributes(), normaliser.normalise(actual.attributes()));
        if (type.equals("aws_security_group")) {
            // Rules a state manages as separate resources are compared on their own, not as the group's.
            want = separateRules.leaveOut(actual.id(), want);
            have = separateRules.leaveOut(actual.id(), have);
        }
        return AttributeDiffer.diff(want, have);
    }

    private static String topLevel(String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(0, dot);
    }

    /** The type's own normaliser, else one comparing exactly the attributes its collector reports. */
    private Normaliser normaliserOf(String type, CloudResource live) {
        Normaliser normaliser = normalisers.get(type);
        return normaliser != null
                ? normaliser
                : new ReportedAttributes(type, live.attributes().keySet());
    }
}
