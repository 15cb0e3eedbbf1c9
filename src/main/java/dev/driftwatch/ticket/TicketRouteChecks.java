package dev.driftwatch.ticket;

import static dev.driftwatch.ticket.TicketConfig.SinkType.GITHUB;
import static dev.driftwatch.ticket.TicketConfig.SinkType.JIRA_CLOUD;
import static dev.driftwatch.ticket.TicketConfig.SinkType.JIRA_DATA_CENTER;
import static dev.driftwatch.ticket.TicketConfig.SinkType.PAGERDUTY;
import static dev.driftwatch.ticket.TicketConfig.SinkType.SERVICENOW;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The routes checked against the sinks when the service starts, so a route that cannot work fails the start rather
 * than a ticket hours later (or, worse, is quietly ignored): each route names a configured sink, sets only the
 * overrides its sink's type reads, and a PagerDuty {@code routing-key} names one of the sink's {@code routing-keys}.
 * Every error is reported at once, each naming the route's setting, never a secret.
 */
final class TicketRouteChecks {

    /** A route's override and the sink types that read it. */
    private record Field(
            String name, Function<TicketConfig.Route, Optional<String>> value, Set<TicketConfig.SinkType> types) {}

    private static final List<Field> FIELDS = List.of(
            new Field("project", TicketConfig.Route::project, EnumSet.of(JIRA_CLOUD, JIRA_DATA_CENTER)),
            new Field("component", TicketConfig.Route::component, EnumSet.of(JIRA_CLOUD, JIRA_DATA_CENTER)),
            new Field("repository", TicketConfig.Route::repository, EnumSet.of(GITHUB)),
            new Field("assignment-group", TicketConfig.Route::assignmentGroup, EnumSet.of(SERVICENOW)),
            new Field("routing-key", TicketConfig.Route::routingKey, EnumSet.of(PAGERDUTY)));

    private TicketRouteChecks() {}

    /** @throws IllegalArgumentException listing every route setting that does not fit its sink */
    static void check(TicketConfig config) {
        Set<String> sinks = new TreeSet<>(config.sinks().keySet());
        sinks.add(BuiltinSink.NAME);
        List<String> errors = new ArrayList<>();
        if (!sinks.contains(config.defaultSink())) {
            errors.add("driftwatch.tickets.default-sink names " + config.defaultSink()
                    + ", which is not a configured sink " + sinks);
        }
        new TreeSet<>(config.routes().keySet()).forEach(name -> {
            TicketConfig.Route route = config.routes().get(name);
            if (!sinks.contains(route.sink())) {
                errors.add(
                        setting(name, "sink") + " names " + route.sink() + ", which is not a configured sink " + sinks);
                return;
            }
            TicketConfig.Sink sink = config.sinks().get(route.sink());
            TicketConfig.SinkType type = sink == null ? TicketConfig.SinkType.BUILTIN : sink.type();
            for (Field field : FIELDS) {
                if (field.value().apply(route).isPresent() && !field.types().contains(type)) {
                    errors.add(setting(name, field.name()) + " is read by " + names(field.types())
                            + " sinks only, and sink " + route.sink() + " is " + name(type));
                }
            }
            route.routingKey()
                    .filter(key -> type == PAGERDUTY && !sink.routingKeys().containsKey(key))
                    .ifPresent(key -> errors.add(setting(name, "routing-key") + " names " + key
                            + ", which is not among driftwatch.tickets.sinks." + route.sink() + ".routing-keys"));
        });
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }
    }

    private static String setting(String route, String field) {
        return "driftwatch.tickets.routes." + route + "." + field;
    }

    private static String names(Set<TicketConfig.SinkType> types) {
        return types.stream().map(TicketRouteChecks::name).collect(Collectors.joining(" or "));
    }

    /** As the configuration spells it: {@code jira-cloud}. */
    private static String name(TicketConfig.SinkType type) {
        return type.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
