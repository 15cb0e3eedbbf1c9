package dev.driftwatch.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes Terraform state files (format version 4, as Terraform 1.x writes them) into the directory the
 * test profile reads ({@code driftwatch.baseline.terraform.paths=target/it-states/**.tfstate}).
 */
public final class TerraformStates {

    public static final Path DIR = Path.of("target/it-states");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Map<String, Object>> resources = new ArrayList<>();

    public static TerraformStates state() {
        return new TerraformStates();
    }

    /**
     * A state with no resources, always in {@link #DIR}: a source that lists no state at all is an error
     * (its resources unknown), so "no states" in a test is this one, as an estate whose states hold nothing.
     */
    public static final String NO_RESOURCES = "no-resources.tfstate";

    /** Removes every state file but {@link #NO_RESOURCES}, so the next scan sees only what the test writes. */
    public static void clear() {
        try {
            if (Files.exists(DIR)) {
                try (Stream<Path> files = Files.walk(DIR)) {
                    files.sorted(Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(DIR);
            Files.writeString(DIR.resolve(NO_RESOURCES), state().json());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TerraformStates resource(String type, String name, Map<String, Object> attributes) {
        return resource(type, name, "provider[\"registry.terraform.io/hashicorp/aws\"]", attributes);
    }

    /** @param provider as the state records it, e.g. {@code provider["registry.terraform.io/hashicorp/aws"].west} */
    public TerraformStates resource(String type, String name, String provider, Map<String, Object> attributes) {
        Map<String, Object> instance = new LinkedHashMap<>();
        instance.put("schema_version", 1);
        instance.put("attributes", attributes);
        instance.put("sensitive_attributes", List.of());
        instance.put("private", "eyJzY2hlbWFfdmVyc2lvbiI6IjEifQ==");
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("mode", "managed");
        resource.put("type", type);
        resource.put("name", name);
        resource.put("provider", provider);
        resource.put("instances", List.of(instance));
        resources.add(resource);
        return this;
    }

    public String json() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("version", 4);
        state.put("terraform_version", "1.11.4");
        state.put("serial", 3);
        state.put("lineage", UUID.randomUUID().toString());
        state.put("outputs", Map.of());
        state.put("resources", resources);
        state.put("check_results", null);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(state);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path writeTo(String fileName) {
        return writeRaw(fileName, json());
    }

    public static Path writeRaw(String fileName, String content) {
        try {
            Path file = DIR.resolve(fileName);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return file.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
