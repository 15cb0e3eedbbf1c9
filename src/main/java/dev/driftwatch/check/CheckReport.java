package dev.driftwatch.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.driftwatch.drift.DriftKind;
import dev.driftwatch.drift.DriftObservation;
import dev.driftwatch.resource.AttributeDiff;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders a check's result as a table for people or JSON for tools. Values shown are those the parser kept. */
public final class CheckReport {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private CheckReport() {}

    public static String table(CheckResult result) {
        StringBuilder out = new StringBuilder();
        if (!result.drift().isEmpty()) {
            String format = "%-9s  %-40s  %-30s  %-50s  %s%n";
            out.append(String.format(format, "KIND", "TYPE.ID", "ACCOUNT/REGION", "ADDRESS", "STATE FILE"));
            for (DriftObservation d : result.drift()) {
                out.append(String.format(
                        format,
                        d.kind(),
                        d.resource().type() + "." + d.resource().id(),
                        d.resource().account() + "/" + d.resource().region(),
                        orDash(d.address()),
                        orDash(d.stateFile())));
                for (AttributeDiff diff : d.diffs()) {
                    out.append("           ")
                            .append(diff.path())
                            .append(": ")
                            .append(json(diff.expected()))
                            .append(" (state) -> ")
                            .append(json(diff.actual()))
                            .append(" (cloud)\n");
                }
            }
        }
        result.errors().forEach(e -> out.append("ERROR: ").append(e).append('\n'));
        NotCheckedTable.append(out, result.notChecked());
        out.append(summary(result)).append('\n');
        return out.toString();
    }

    public static String json(CheckResult result) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("status", status(result));
        doc.put("exitCode", result.exitCode());
        doc.put("summary", summary(result));
        doc.put("engineMillis", result.millis());
        List<Map<String, Object>> drift = new ArrayList<>();
        for (DriftObservation d : result.drift()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("kind", d.kind().name());
            entry.put("type", d.resource().type());
            entry.put("id", d.resource().id());
            entry.put("account", d.resource().account());
            entry.put("region", d.resource().region());
            entry.put("address", d.address());
            entry.put("stateFile", d.stateFile());
            entry.put("diffs", d.diffs().stream().map(CheckReport::diff).toList());
            drift.add(entry);
        }
        doc.put("drift", drift);
        doc.put(
                "checked",
                result.checked().stream()
                        .map(c -> Map.of(
                                "account",
                                c.target().account(),
                                "region",
                                c.target().region(),
                                "resources",
                                c.resources()))
                        .toList());
        doc.put("errors", result.errors());
        doc.put(
                "notChecked",
                result.notChecked().stream().map(CheckReport::notChecked).toList());
        try {
            return JSON.writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the result as JSON", e);
        }
    }

    private static String summary(CheckResult result) {
        String scope = result.checked().stream()
                        .mapToInt(CheckResult.Checked::resources)
                        .sum() + " live resources in "
                + result.checked().size() + " account/region(s) against " + result.stateFiles() + " state file(s), "
                + result.millis() + " ms";
        String verdict =
                switch (status(result)) {
                    case "error" ->
                        "Error: " + result.errors().size() + " problem(s), "
                                + result.notChecked().stream()
                                        .filter(n -> n.misplaced() || result.strict())
                                        .count() + " state resource(s) not checked, "
                                + result.drift().size()
                                + " drift(s) seen in what was read (" + scope + ")";
                    case "drift" ->
                        "Drift: " + result.count(DriftKind.CHANGED) + " changed, " + result.count(DriftKind.MISSING)
                                + " missing, " + result.count(DriftKind.UNMANAGED) + " unmanaged (" + scope + ")";
                    default -> "In sync: no drift (" + scope + ")";
                };
        return verdict + notCheckedSummary(result);
    }

    /** e.g. {@code ; not checked: 2 in other accounts, 53 of unsupported types} */
    private static String notCheckedSummary(CheckResult result) {
        List<String> parts = new ArrayList<>();
        for (NotChecked.Reason reason : NotChecked.Reason.values()) {
            long count = result.count(reason);
            if (count > 0) {
                parts.add(count + " "
                        + switch (reason) {
                            case OTHER_ACCOUNT -> "in accounts not read";
                            case OTHER_REGION -> "in regions not read";
                            case UNKNOWN_LOCATION -> "of unknown location";
                            case UNSUPPORTED_TYPE -> "of unsupported types";
                        });
            }
        }
        return parts.isEmpty() ? "" : "; not checked: " + String.join(", ", parts);
    }

    private static String status(CheckResult result) {
        return switch (result.exitCode()) {
            case CheckResult.ERROR -> "error";
            case CheckResult.DRIFT -> "drift";
            default -> "in-sync";
        };
    }

    private static Map<String, Object> notChecked(NotChecked n) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("reason", n.reason().label());
        entry.put("type", n.entry().resource().type());
        entry.put("id", n.entry().resource().id());
        entry.put("account", emptyAsNull(n.entry().resource().account()));
        entry.put("region", emptyAsNull(n.entry().resource().region()));
        entry.put("address", n.entry().address());
        entry.put("stateFile", n.entry().stateFile());
        entry.put("detail", n.detail());
        return entry;
    }

    private static String emptyAsNull(String value) {
        return value.isEmpty() ? null : value;
    }

    private static Map<String, Object> diff(AttributeDiff diff) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("path", diff.path());
        entry.put("state", diff.expected());
        entry.put("cloud", diff.actual());
        return entry;
    }

    private static String json(Object value) {
        try {
            return value == null
                    ? "(absent)"
                    : JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }
}
