package dev.driftwatch.baseline;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftwatch.resource.CloudResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one entry of a state's {@code resources} array into expected resources, one per instance:
 * addresses with module path and {@code count}/{@code for_each} keys, sensitive values removed, and the
 * account and region taken from the ARN (else from configured defaults).
 */
public class StateResourceMapper {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final ObjectMapper mapper;
    private final Optional<String> defaultAccount;
    private final Optional<String> defaultRegion;

    public StateResourceMapper(ObjectMapper mapper, Optional<String> defaultAccount, Optional<String> defaultRegion) {
        this.mapper = mapper;
        this.defaultAccount = defaultAccount;
        this.defaultRegion = defaultRegion;
    }

    List<ExpectedResource> instances(String source, JsonNode resource) throws StateFileException {
        if (!"managed".equals(resource.path("mode").asText("managed"))) {
            return List.of(); // data sources describe reads, not resources anyone owns
        }
        String type = resource.path("type").asText();
        String baseAddress = baseAddress(resource);
        List<ExpectedResource> expected = new ArrayList<>();
        for (JsonNode instance : resource.path("instances")) {
            if (instance.hasNonNull("deposed")) {
                continue; // a deposed object is on its way out; its replacement is the current one
            }
            String address = baseAddress + indexSuffix(instance.get("index_key"));
            Map<String, Object> attributes = withoutSensitive(instance);
            Object id = attributes.get("id");
            if (id == null) {
                throw new StateFileException(source, address + " has no \"id\" attribute");
            }
            String arn = attributes.get("arn") instanceof String s ? s : null;
            String account = ArnParts.account(arn).or(() -> defaultAccount).orElseThrow(() -> noLocation(source, address, "account"));
            String region = ArnParts.region(arn).or(() -> defaultRegion).orElseThrow(() -> noLocation(source, address, "region"));
            expected.add(new ExpectedResource(
                    new CloudResource(type, id.toString(), account, region, arn, attributes, null), address, source));
        }
        return expected;
    }

    private static StateFileException noLocation(String source, String address, String what) {
        return new StateFileException(source, "cannot tell the " + what + " of " + address
                + " (it has no ARN); set driftwatch.baseline.terraform.default-" + what);
    }

    private Map<String, Object> withoutSensitive(JsonNode instance) {
        Map<String, Object> attributes = new LinkedHashMap<>(mapper.convertValue(instance.path("attributes"), MAP));
        for (JsonNode path : instance.path("sensitive_attributes")) {
            // A path is a list of steps; the first names the top-level attribute. Dropping the whole
            // attribute is the safe reading whatever the rest of the path says.
            JsonNode first = path.isArray() ? path.path(0) : path;
            String name = first.path("value").asText(first.asText(""));
            attributes.remove(name);
        }
        return attributes;
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
