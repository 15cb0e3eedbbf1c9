package dev.driftwatch.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.driftwatch.aws.AwsRegions;
import dev.driftwatch.resource.CloudResource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns one entry of a state's {@code resources} array into expected resources, one per instance:
 * addresses with module path and {@code count}/{@code for_each} keys, sensitive values removed, and the
 * account and region taken from the ARN (else as {@link #settle} says; never from a majority of the file).
 */
public class StateResourceMapper {

    private final StateLocations locations;

    public StateResourceMapper(Optional<String> defaultAccount, Optional<String> defaultRegion) {
        this(StateLocations.defaults(defaultAccount, defaultRegion));
    }

    StateResourceMapper(StateLocations locations) {
        this.locations = locations;
    }

    /** One instance as read, before its account and region are settled for the whole file. */
    record StateInstance(
            String type,
            String id,
            String address,
            String provider,
            String arn,
            Map<String, Object> attributes,
            Set<String> sensitive,
            Optional<String> account,
            Optional<String> region) {}

    /** @param values the reader of this state's values (one per state, sharing its repeated strings) */
    List<StateInstance> instances(String source, JsonNode resource, StateValues values) throws StateFileException {
        if (!"managed".equals(resource.path("mode").asText("managed"))) {
            return List.of(); // data sources describe reads, not resources anyone owns
        }
        String type = resource.path("type").asText();
        String baseAddress = baseAddress(resource);
        String providerAddress = resource.path("provider").asText("");
        Optional<StateLocations.Location> provider = locations.ofProvider(providerAddress);
        Optional<String> providerAccount = provider.flatMap(StateLocations.Location::account);
        Optional<String> providerRegion = provider.flatMap(StateLocations.Location::region);
        List<StateInstance> expected = new ArrayList<>();
        for (JsonNode instance : resource.path("instances")) {
            if (instance.hasNonNull("deposed")) {
                continue; // a deposed object is on its way out; its replacement is the current one
            }
            String address = baseAddress + indexSuffix(instance.get("index_key"));
            Map<String, Object> attributes = values.object(instance.path("attributes"));
            Set<String> sensitive = dropSensitive(instance, attributes);
            Object id = StateIds.idOf(type, attributes);
            if (id == null) {
                throw new StateFileException(source, address + " has no \"id\" attribute");
            }
            String arn = attributes.get("arn") instanceof String s ? s : null;
            Optional<String> region = StateIds.global(type)
                    ? Optional.of(AwsRegions.GLOBAL)
                    : ArnParts.region(arn).or(() -> ownRegion(attributes)).or(() -> providerRegion);
            expected.add(new StateInstance(
                    type,
                    id.toString(),
                    address,
                    providerAddress,
                    arn,
                    attributes,
                    sensitive,
                    ArnParts.account(arn).or(() -> providerAccount),
                    region));
        }
        return expected;
    }

    /**
     * Settles account and region of a file's instances, each from the first that says: the ARN (or the
     * resource's own {@code region} attribute, which provider 6 writes); the configured location of the
     * resource's provider; the location every other resource of the same provider in this state has by its
     * ARN (one provider configuration is one account and region, so this is no guess); the configured
     * default. A resource none of these locates is returned unlocated, naming the setting that would locate it.
     */
    List<ExpectedResource> settle(String source, List<StateInstance> instances) {
        Map<String, List<StateInstance>> byProvider =
                instances.stream().collect(Collectors.groupingBy(StateInstance::provider));
        Map<String, Set<String>> providerAccounts = new HashMap<>();
        Map<String, Set<String>> providerRegions = new HashMap<>();
        byProvider.forEach((provider, same) -> {
            providerAccounts.put(provider, distinct(same.stream().map(StateInstance::account)));
            providerRegions.put(
                    provider, distinct(same.stream().map(StateInstance::region).filter(StateResourceMapper::regional)));
        });
        List<ExpectedResource> expected = new ArrayList<>(instances.size());
        for (StateInstance i : instances) {
            Optional<String> account = i.account()
                    .or(() -> onlyOne(providerAccounts.get(i.provider())))
                    .or(locations::defaultAccount);
            Optional<String> region = i.region()
                    .or(() -> onlyOne(providerRegions.get(i.provider())))
                    .or(locations::defaultRegion);
            // Kept between scans by the state cache and shared by every scan: read-only from here on.
            Map<String, Object> attributes = Collections.unmodifiableMap(i.attributes());
            CloudResource resource = new CloudResource(
                    i.type(), i.id(), account.orElse(""), region.orElse(""), i.arn(), attributes, null);
            String unknown = account.isEmpty()
                    ? unknownLocation(i, "account", providerAccounts.get(i.provider()))
                    : region.isEmpty() ? unknownLocation(i, "region", providerRegions.get(i.provider())) : null;
            expected.add(new ExpectedResource(resource, i.address(), source, i.sensitive(), unknown));
        }
        return expected;
    }

    private static boolean regional(Optional<String> region) {
        return region.isPresent() && !region.get().equals(AwsRegions.GLOBAL);
    }

    private static Set<String> distinct(Stream<Optional<String>> values) {
        return values.flatMap(Optional::stream).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Resources of one provider in several places would make any choice a guess: then none is made. */
    private static Optional<String> onlyOne(Set<String> values) {
        return values.size() == 1 ? Optional.of(values.iterator().next()) : Optional.empty();
    }

    private String unknownLocation(StateInstance i, String what, Set<String> providerValues) {
        Optional<String> provider = ProviderKey.of(i.provider());
        String why = providerValues.size() > 1
                ? "the other resources of its provider are in several: " + String.join(", ", providerValues)
                : "it has no ARN, nor has any other resource of its provider in this state";
        String fix = provider.map(p -> locations.providerSetting(p, what) + " or ")
                        .orElse("") + locations.settings() + ".default-" + what;
        return "cannot tell the " + what + " of " + i.address() + " (" + why + "); set " + fix;
    }

    /** The region a resource states itself (provider 6 writes one on every regional resource). */
    private static Optional<String> ownRegion(Map<String, Object> attributes) {
        return attributes.get("region") instanceof String region && region.matches("[a-z]{2}(-[a-z]+)+-\\d")
                ? Optional.of(region)
                : Optional.empty();
    }

    /** Removes the attributes the state marks sensitive; returns their names. */
    private static Set<String> dropSensitive(JsonNode instance, Map<String, Object> attributes) {
        Set<String> dropped = new HashSet<>();
        for (JsonNode path : instance.path("sensitive_attributes")) {
            // A path is a list of steps; the first names the top-level attribute. Dropping the whole
            // attribute is the safe reading whatever the rest of the path says.
            JsonNode first = path.isArray() ? path.path(0) : path;
            String name = first.path("value").asText(first.asText(""));
            attributes.remove(name);
            dropped.add(name);
        }
        return dropped;
    }

    private static String baseAddress(JsonNode resource) {
        String module = resource.path("module").asText("");
        String local =
                resource.path("type").asText() + "." + resource.path("name").asText();
        return module.isEmpty() ? local : module + "." + local;
    }

    private static String indexSuffix(JsonNode indexKey) {
        if (indexKey == null || indexKey.isNull()) {
            return "";
        }
        if (indexKey.isNumber()) {
            return "[" + indexKey.asText() + "]";
        }
        return "[\"" + indexKey.asText().replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }
}
