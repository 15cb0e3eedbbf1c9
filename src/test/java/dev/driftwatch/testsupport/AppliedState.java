package dev.driftwatch.testsupport;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A state file Terraform wrote, by full address ({@code module.net.aws_subnet.this["a"]}), for test set-up. */
public record AppliedState(Map<String, Map<String, Object>> byAddress) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    public static AppliedState read(Path stateFile) {
        try {
            Map<String, Map<String, Object>> byAddress = new LinkedHashMap<>();
            for (JsonNode resource : JSON.readTree(stateFile.toFile()).path("resources")) {
                if (!"managed".equals(resource.path("mode").asText())) {
                    continue;
                }
                String module = resource.path("module").asText("");
                String base = (module.isEmpty() ? "" : module + ".")
                        + resource.path("type").asText() + "."
                        + resource.path("name").asText();
                for (JsonNode instance : resource.path("instances")) {
                    JsonNode key = instance.path("index_key");
                    String index = key.isMissingNode()
                            ? ""
                            : key.isNumber() ? "[" + key.asText() + "]" : "[\"" + key.asText() + "\"]";
                    byAddress.put(base + index, JSON.convertValue(instance.path("attributes"), MAP));
                }
            }
            return new AppliedState(byAddress);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + stateFile, e);
        }
    }

    public Map<String, Object> attributes(String address) {
        Map<String, Object> attributes = byAddress.get(address);
        if (attributes == null) {
            throw new AssertionError("no " + address + " in the state; it has " + byAddress.keySet());
        }
        return attributes;
    }

    public String id(String address) {
        return String.valueOf(attributes(address).get("id"));
    }
}
