package dev.driftwatch.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.driftwatch.resource.CloudResource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import dev.driftwatch.inventory.Regions;

/**
 * Turns one entry of a state's {@code resources} array into expected resources, one per instance:
 * addresses with module path and {@code count}/{@code for_each} keys, sensitive values removed, and the
 * account and region taken from the ARN (else from the provider's configured location, else from defaults).
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
    record StateInstance(String type, String id, String address, String provider, String arn, Map<String, Object> attributes,
            Set<String> sensitive, Optional<String> account, Optional<String> region) {
    }

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
            Optional<String> region = StateIds.global(type) ? Optional.of(Regions.GLOBAL) : ArnParts.region(arn).or(() -> providerRegion);
            expected.add(new StateInstance(type, id.toString(), address, providerAddress, arn, attributes, sensitive,
                    ArnParts.account(arn).or(() -> providerAccount), region));
        }
        return expected;
    }

    /**
     * Settles account and region of a file's instances: from the ARN, else the configured location of the
     * resource's provider, else the one most resources of the same provider (with ARNs) have — an aliased
     * provider's rule lives where its groups live —, else the configured default, else the one most of the
     * file's resources have (a state usually describes one account and region).
     */
    List<ExpectedResource> settle(String source, List<StateInstance> instances) throws StateFileException {
        Map<String, List<StateInstance>> byProvider = instances.stream().collect(Collectors.groupingBy(StateInstance::provider));
        Map<String, Optional<String>> providerAccount = new HashMap<>();
        Map<String, Optional<String>> providerRegion = new HashMap<>();
        byProvider.forEach((provider, same) -> {
            providerAccount.put(provider, mostCommon(same.stream().map(StateInstance::account)));
            providerRegion.put(provider, mostCommon(same.stream().map(StateInstance::region).filter(StateResourceMapper::regional)));
        });
        Optional<String> fileAccount = locations.defaultAccount().or(() -> mostCommon(instances.stream().map(StateInstance::account)));
        Optional<String> fileRegion = locations.defaultRegion().or(() -> mostCommon(instances.stream().map(StateInstance::region)
                .filter(StateResourceMapper::regional)));
        List<ExpectedResource> expected = new ArrayList<>(instances.size());
        for (StateInstance i : instances) {
            String account = i.account().or(() -> providerAccount.get(i.provider())).or(() -> fileAccount)
                    .orElseThrow(() -> noLocation(source, i.address(), "account"));
            String region = i.region().or(() -> providerRegion.get(i.provider())).or(() -> fileRegion)
                    .orElseThrow(() -> noLocation(source, i.address(), "region"));
            // Kept between scans by the state cache and shared by every scan: read-only from here on.
            Map<String, Object> attributes = Collections.unmodifiableMap(i.attributes());
            expected.add(new ExpectedResource(new CloudResource(i.type(), i.id(), account, region, i.arn(), attributes, null),
                    i.address(), source, i.sensitive()));
        }
        return expected;
    }

    private static boolean regional(Optional<String> region) {
        return region.isPresent() && !region.get().equals(Regions.GLOBAL);
    }

    private static Optional<String> mostCommon(Stream<Optional<String>> values) {
        return values.flatMap(Optional::stream)
                .collect(Collectors.groupingBy(v -> v, Collectors.counting()))
                .entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey);
    }

    private StateFileException noLocation(String source, String address, String what) {
        return new StateFileException(source, "cannot tell the " + what + " of " + address
                + " (it has no ARN, nor has any other resource of this state); set " + locations.settings() + ".default-" + what
                + " or the " + what + " of its provider");
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
        String local = resource.path("type").asText() + "." + resource.path("name").asText();
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
