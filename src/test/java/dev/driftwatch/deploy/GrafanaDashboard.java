package dev.driftwatch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code deploy/grafana/driftwatch.json} as Prometheus will be asked by Grafana: every panel's queries and every
 * variable's {@code label_values}, with Grafana's variables replaced as Grafana replaces them when "All" is
 * chosen over the last hour.
 */
record GrafanaDashboard(JsonNode json) {

    static final Path FILE = Path.of("deploy/grafana/driftwatch.json");

    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.+),\\s*(\\w+)\\)");

    /** A PromQL query and where in the dashboard it comes from. */
    record Query(String where, String promql) {}

    static GrafanaDashboard load() {
        try {
            return new GrafanaDashboard(new ObjectMapper().readTree(FILE.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Query> queries() {
        List<Query> queries = new ArrayList<>();
        for (JsonNode panel : json.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queries.add(new Query(
                        "panel \"" + panel.path("title").asText() + "\" "
                                + target.path("refId").asText(),
                        expand(target.path("expr").asText())));
            }
        }
        for (JsonNode variable : json.path("templating").path("list")) {
            if (variable.path("type").asText().equals("query")) {
                Matcher m = LABEL_VALUES.matcher(
                        variable.path("query").path("query").asText());
                if (!m.matches()) {
                    throw new AssertionError("variable " + variable.path("name") + ": not label_values(metric, label)");
                }
                queries.add(new Query(
                        "variable " + variable.path("name").asText(),
                        "count by (" + m.group(2) + ") (" + expand(m.group(1)) + ")"));
            }
        }
        return queries;
    }

    /** Grafana's variables as they are with "All" selected (allValue .*) and a one-hour range. */
    private static String expand(String expr) {
        return expr.replace("$__rate_interval", "1m")
                .replace("$__range", "1h")
                .replace("$__interval", "15s")
                .replace("$account", ".*")
                .replace("$region", ".*");
    }
}
