package dev.driftwatch.resource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What is generated from the descriptors: the table in {@code docs/resource-types.md} (between its markers),
 * {@code bin/bench/api-calls.json}, the benchmark's API-call model, and the scanner role's actions in
 * {@code deploy/terraform/member/scanner-actions.json}. {@link ResourceTypeCatalogTest} fails when any is stale,
 * and rewrites them all when run with {@code -Ddriftwatch.regenerate=true}.
 */
final class ResourceTypeTables {

    static final String COMMAND = "./mvnw -B -o -q test -Dtest=ResourceTypeCatalogTest -Ddriftwatch.regenerate=true";
    static final Path DOC = Path.of("docs/resource-types.md");
    static final Path API_CALLS = Path.of("bin/bench/api-calls.json");
    static final Path SCANNER_ACTIONS = Path.of("deploy/terraform/member/scanner-actions.json");
    static final String BEGIN =
            "<!-- BEGIN generated from the descriptors (dev.driftwatch.resource): " + COMMAND + " -->";
    static final String END = "<!-- END generated -->";

    private ResourceTypeTables() {}

    /** Whether the sandbox sweeper deletes it, and which types' resources must be gone first. */
    private static String swept(ResourceTypeDescriptor d) {
        if (!d.swept()) {
            return "–";
        }
        return d.sweep().after().isEmpty()
                ? "yes"
                : "after " + d.sweep().after().stream().map(t -> "`" + t + "`").collect(Collectors.joining(", "));
    }

    /** The generated part of the doc, markers included. */
    static String markdown() {
        StringBuilder md = new StringBuilder(BEGIN).append("\n");
        md.append(
                "| type | service | scope | id | attributes compared | created time | per resource | remediation | swept |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        for (ResourceTypeDescriptor d : ResourceTypeCatalog.all()) {
            if (!d.collected()) {
                continue;
            }
            String pseudo = d.awsManaged() == AwsManaged.PSEUDO_TYPE ? " (pseudo type, for policies)" : "";
            md.append("| `")
                    .append(d.type())
                    .append('`')
                    .append(pseudo)
                    .append(" | ")
                    .append(d.service())
                    .append(" | ")
                    .append(d.scope().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .append(" | ")
                    .append(d.doc().id())
                    .append(" | ")
                    .append(d.doc().attributes())
                    .append(" | ")
                    .append(d.createdTime() ? "yes" : "–")
                    .append(" | ")
                    .append(d.doc().perResource())
                    .append(" | ")
                    .append(
                            d.remediations().isEmpty()
                                    ? "–"
                                    : d.remediations().stream()
                                            .map(a -> "`" + a + "`")
                                            .collect(Collectors.joining(", ")))
                    .append(" | ")
                    .append(swept(d))
                    .append(" |\n");
        }
        md.append("\nState-only types, matched with the resources collected under another type: ");
        md.append(ResourceTypeCatalog.all().stream()
                .filter(d -> !d.collected())
                .map(d -> "`" + d.type() + "` → `" + d.liveType() + "`")
                .collect(Collectors.joining(", ")));
        return md.append(".\n").append(END).toString();
    }

    /** The benchmark's model: per collected type its scope and the calls its collector sends. */
    static String apiCallsJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("generated_by", COMMAND);
        root.put(
                "types",
                ResourceTypeCatalog.all().stream()
                        .filter(ResourceTypeDescriptor::collected)
                        .map(d -> {
                            Map<String, Object> type = new LinkedHashMap<>();
                            type.put("type", d.type());
                            type.put("scope", d.scope().name());
                            type.put(
                                    "calls",
                                    d.calls().stream()
                                            .map(ResourceTypeTables::call)
                                            .toList());
                            return type;
                        })
                        .toList());
        return json(root);
    }

    /** The IAM actions of every call the collectors send: the scanner role's policy in deploy/terraform. */
    static String scannerActionsJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("generated_by", COMMAND);
        root.put("actions", IamActions.toRead());
        return json(root);
    }

    private static String json(Object root) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> call(ApiCall call) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("service", call.service());
        c.put("operation", call.operation());
        if (call instanceof ApiCall.Listing l) {
            c.put("kind", "list");
            c.put("list", l.list());
            c.put("page_size", l.pageSize());
            c.put("share", l.share());
            c.put("calls_from", l.callsFrom());
            c.put("aws_items", l.awsItems());
        } else if (call instanceof ApiCall.PerResource p) {
            c.put("kind", "per_resource");
            c.put("per", p.per());
            c.put("times", p.times());
            c.put("batch", p.batch());
            c.put("zero_on_aws", p.zeroOnAws());
            c.put("counted", p.counted());
        }
        return c;
    }

    /** The doc's generated part as it is now, markers included (empty when the markers are missing). */
    static String markdownInDoc() {
        String doc = read(DOC);
        int begin = doc.indexOf("<!-- BEGIN generated");
        int end = doc.indexOf(END);
        return begin < 0 || end < begin ? "" : doc.substring(begin, end + END.length());
    }

    static void regenerate() throws IOException {
        String doc = read(DOC);
        String now = markdownInDoc();
        if (now.isEmpty()) {
            throw new IllegalStateException(DOC + " has no markers <!-- BEGIN generated ... --> ... " + END
                    + ": put them where the table goes");
        }
        Files.writeString(DOC, doc.replace(now, markdown()), StandardCharsets.UTF_8);
        Files.writeString(API_CALLS, apiCallsJson(), StandardCharsets.UTF_8);
        Files.writeString(SCANNER_ACTIONS, scannerActionsJson(), StandardCharsets.UTF_8);
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> collectedWithoutDocRow() {
        String doc = read(DOC);
        return ResourceTypeCatalog.collectedTypes().stream()
                .filter(t -> !doc.contains("| `" + t + "`"))
                .sorted()
                .toList();
    }
}
