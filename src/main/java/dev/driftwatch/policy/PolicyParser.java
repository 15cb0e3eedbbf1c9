package dev.driftwatch.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads one policy file and says, with the line, everything that is wrong with it. */
final class PolicyParser {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> REQUIRED = List.of("id", "title", "severity", "resource", "violation", "message");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,80}");

    private final Set<String> knownTypes;

    PolicyParser(Set<String> knownTypes) {
        this.knownTypes = knownTypes;
    }

    /** @throws PolicyException with every problem found */
    PolicyDefinition parse(String file, String text) throws PolicyException {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new PolicyException(new PolicyError(
                    file,
                    e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "not valid YAML: " + e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new PolicyException(
                    new PolicyError(file, 1, "a policy is a YAML mapping with " + String.join(", ", REQUIRED)));
        }
        List<PolicyError> errors = new ArrayList<>();
        for (String field : REQUIRED) {
            if (!root.hasNonNull(field) || root.get(field).asText().isBlank()) {
                errors.add(new PolicyError(file, 1, "missing required field '" + field + "'"));
            }
        }
        String id = root.path("id").asText();
        if (!id.isEmpty() && !ID.matcher(id).matches()) {
            errors.add(at(file, text, "id", "id must be lower-case letters, digits and dashes (3 to 81 characters)"));
        }
        PolicyDefinition.Severity severity = severity(file, text, root, errors);
        String type = root.path("resource").asText();
        if (!type.isEmpty() && !knownTypes.contains(type)) {
            errors.add(at(file, text, "resource", "unknown resource type '" + type + "'"));
        }
        RemediationSpec remediation = remediation(file, text, root.path("remediation"), errors);
        int approvals = approvals(file, text, root.path("remediation").path("approvals"), errors);
        if (!errors.isEmpty()) {
            throw new PolicyException(errors);
        }
        return new PolicyDefinition(
                id,
                root.path("title").asText(),
                severity,
                strings(root.path("references")),
                type,
                scope(root.path("scope")),
                YAML.convertValue(
                        root.path("variables").isObject() ? root.path("variables") : YAML.createObjectNode(),
                        new TypeReference<Map<String, Object>>() {}),
                root.path("violation").asText(),
                root.path("message").asText(),
                remediation,
                approvals,
                file);
    }

    /** {@code remediation.approvals}: 1 to 5 distinct approvers; 0 when absent (the configured number). */
    private static int approvals(String file, String text, JsonNode node, List<PolicyError> errors) {
        if (node.isMissingNode() || node.isNull()) {
            return 0;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < 1 || node.asInt() > 5) {
            errors.add(at(
                    file,
                    text,
                    "remediation.approvals",
                    "remediation approvals must be a whole number from 1 to 5, not '" + node.asText() + "'"));
            return 0;
        }
        return node.asInt();
    }

    /** An error about the value of the key at {@code path} ({@code remediation.mode}), on that key's line. */
    static PolicyError at(String file, String text, String path, String reason) {
        return new PolicyError(file, PolicyLines.of(text).lineOf(path), reason);
    }

    private static PolicyDefinition.Severity severity(
            String file, String text, JsonNode root, List<PolicyError> errors) {
        String value = root.path("severity").asText();
        try {
            return value.isEmpty() ? null : PolicyDefinition.Severity.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(
                    at(file, text, "severity", "severity must be low, medium, high or critical, not '" + value + "'"));
            return null;
        }
    }

    /** The {@code remediation} section, or {@code null} when there is none (or it has errors, which are added). */
    private static RemediationSpec remediation(String file, String text, JsonNode node, List<PolicyError> errors) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            errors.add(
                    at(file, text, "remediation", "remediation must be a mapping with mode, action and precondition"));
            return null;
        }
        String label = node.path("mode").asText("report");
        RemediationSpec.Mode mode = RemediationSpec.Mode.ofLabel(label);
        if (mode == null) {
            errors.add(at(
                    file,
                    text,
                    "remediation.mode",
                    "remediation mode must be auto, approve, ticket or report, not '" + label + "'"));
        }
        if ((mode == null || mode.needsAction()) && node.path("action").asText().isEmpty()) {
            errors.add(at(file, text, "remediation.mode", "remediation mode '" + label + "' needs an action"));
        }
        return mode == null
                ? null
                : new RemediationSpec(
                        mode,
                        node.path("action").asText(null),
                        node.path("precondition").asText(null));
    }

    private static PolicyDefinition.Scope scope(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return PolicyDefinition.Scope.EVERYWHERE;
        }
        return new PolicyDefinition.Scope(
                strings(node.path("accounts")),
                strings(node.path("regions")),
                YAML.convertValue(
                        node.path("include_tags").isObject() ? node.path("include_tags") : YAML.createObjectNode(),
                        new TypeReference<Map<String, String>>() {}),
                YAML.convertValue(
                        node.path("exclude_tags").isObject() ? node.path("exclude_tags") : YAML.createObjectNode(),
                        new TypeReference<Map<String, String>>() {}));
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        node.forEach(n -> values.add(n.asText()));
        return values;
    }
}
