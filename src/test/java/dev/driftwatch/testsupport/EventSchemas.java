package dev.driftwatch.testsupport;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The published event schemas ({@code docs/events/<topic>.schema.json}, JSON Schema draft 2020-12): validating
 * messages against them, and comparing them with the records the service writes.
 */
public final class EventSchemas {

    public static final Path DIRECTORY = Path.of("docs/events");
    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventSchemas() {}

    public static Path file(String topic) {
        return DIRECTORY.resolve(topic + ".schema.json");
    }

    /** What is wrong with {@code message} as an event of {@code topic}; empty when it is valid. */
    public static List<String> violations(String topic, String message) {
        Schema schema;
        try (InputStream in = Files.newInputStream(file(topic))) {
            schema = REGISTRY.getSchema(in, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return schema.validate(message, InputFormat.JSON).stream()
                .map(Error::toString)
                .toList();
    }

    /** The schema of {@code data} in {@code topic}'s events. */
    public static JsonNode dataSchema(String topic) {
        JsonNode root = root(topic);
        return resolve(root, root.path("properties").path("data"));
    }

    public static JsonNode root(String topic) {
        try {
            return JSON.readTree(file(topic).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where a record and its schema object disagree, also in nested records: a component without a property
     * or the other way round, a type that does not match, a component that is always written but not required.
     */
    public static List<String> disagreements(Class<?> record, JsonNode root, JsonNode schema) {
        List<String> found = new ArrayList<>();
        compare(record, root, resolve(root, schema), record.getSimpleName(), found);
        return found;
    }

    private static void compare(Class<?> record, JsonNode root, JsonNode schema, String path, List<String> found) {
        Set<String> properties = new TreeSet<>();
        schema.path("properties").fieldNames().forEachRemaining(properties::add);
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        Set<String> components = new TreeSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            String name = component.getName();
            components.add(name);
            String at = path + "." + name;
            if (!properties.contains(name)) {
                found.add(at + " is not in the schema");
                continue;
            }
            boolean optional = isOptional(component);
            if (optional == required.contains(name)) {
                found.add(at
                        + (optional ? " is left out when null, but required" : " is always written, but not required"));
            }
            JsonNode property = resolve(root, schema.path("properties").path(name));
            compareType(component.getGenericType(), root, property, at, found);
        }
        properties.stream()
                .filter(p -> !components.contains(p))
                .forEach(p -> found.add(path + "." + p + " is in the schema but not in the record"));
    }

    private static boolean isOptional(RecordComponent component) {
        JsonInclude include = component.getAccessor().getAnnotation(JsonInclude.class);
        return include != null && include.value() == JsonInclude.Include.NON_NULL;
    }

    private static void compareType(Type type, JsonNode root, JsonNode schema, String at, List<String> found) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw.isRecord()) {
            compare(raw, root, schema, at, found);
        } else if (raw.isEnum()) {
            Set<String> constants = new TreeSet<>();
            Arrays.stream(raw.getEnumConstants()).forEach(c -> constants.add(((Enum<?>) c).name()));
            Set<String> listed = new TreeSet<>();
            schema.path("enum").forEach(v -> {
                if (!v.isNull()) {
                    listed.add(v.asText());
                }
            });
            if (!constants.equals(listed)) {
                found.add(at + ": the schema lists " + listed + ", the record's enum has " + constants);
            }
        } else if (List.class.isAssignableFrom(raw)) {
            expect(schema, "array", at, found);
            Type item = ((ParameterizedType) type).getActualTypeArguments()[0];
            compareType(item, root, resolve(root, schema.path("items")), at + "[]", found);
        } else if (raw == String.class || raw == Instant.class) {
            expect(schema, "string", at, found);
            if (raw == Instant.class
                    && !"date-time".equals(schema.path("format").asText())) {
                found.add(at + " is a time, but its format is not date-time");
            }
        } else if (raw == long.class || raw == int.class || raw == Long.class || raw == Integer.class) {
            expect(schema, "integer", at, found);
        } else if (raw == boolean.class || raw == Boolean.class) {
            expect(schema, "boolean", at, found);
        } else if (Map.class.isAssignableFrom(raw)) {
            expect(schema, "object", at, found); // free-form, e.g. an AWS call's parameters
        } else if (raw != Object.class) {
            found.add(at + ": no rule for " + raw.getName() + " in EventSchemas");
        }
    }

    private static void expect(JsonNode schema, String type, String at, List<String> found) {
        JsonNode declared = schema.path("type");
        boolean matches = declared.isArray() ? contains(declared, type) : type.equals(declared.asText());
        if (!matches) {
            found.add(at + " is " + type + " in the record, " + declared + " in the schema");
        }
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode v : array) {
            if (value.equals(v.asText())) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode resolve(JsonNode root, JsonNode schema) {
        String ref = schema.path("$ref").asText();
        return ref.startsWith("#/") ? root.at(ref.substring(1)) : schema;
    }
}
