package dev.driftwatch.ticket;

import dev.driftwatch.finding.FindingView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which sink a finding's ticket goes to, and where in it: the first route (in name order) that matches it, else the
 * default. A route to a PagerDuty sink matches only the severities that sink pages for: a finding of another
 * severity goes on to the next route, so it still reaches a person without waking one.
 */
@ApplicationScoped
public class TicketRouting {

    /** The sink and the route's overrides of its settings. */
    public record Routed(String sink, TicketTarget target) {}

    private final Map<String, TicketConfig.Route> routes;
    private final String defaultSink;
    private final Map<String, Set<String>> pagingBySink;
    private final ResourceTags tags;

    @Inject
    TicketRouting(TicketConfig config, ResourceTags tags) {
        this(config.routes(), config.defaultSink(), paging(config), tags);
        TicketRouteChecks.check(config); // built when the worker starts, so a route that cannot work fails the start
    }

    TicketRouting(
            Map<String, TicketConfig.Route> routes,
            String defaultSink,
            Map<String, Set<String>> pagingBySink,
            ResourceTags tags) {
        this.routes = new TreeMap<>(routes);
        this.defaultSink = defaultSink;
        this.pagingBySink = Map.copyOf(pagingBySink);
        this.tags = tags;
    }

    public Routed route(FindingView finding) {
        FindingTags known = new FindingTags(tags, finding);
        for (TicketConfig.Route r : routes.values()) {
            if (!(matches(r.account(), finding.account())
                    && matches(r.region(), finding.region())
                    && matches(r.type(), finding.type())
                    && matches(r.severity(), finding.severity())
                    && takes(r.sink(), finding.severity()))) {
                continue;
            }
            if (known.carry(r.tags())) {
                return new Routed(r.sink(), target(r));
            }
        }
        return new Routed(takes(defaultSink, finding.severity()) ? defaultSink : BuiltinSink.NAME, TicketTarget.NONE);
    }

    /** Every sink a route or the default names, so a misspelt one fails the start, not the first ticket. */
    public Set<String> named() {
        Set<String> names = new TreeSet<>();
        names.add(defaultSink);
        routes.values().forEach(r -> names.add(r.sink()));
        return names;
    }

    private boolean takes(String sink, String severity) {
        Set<String> paging = pagingBySink.get(sink);
        return paging == null || (severity != null && paging.contains(severity.toLowerCase(Locale.ROOT)));
    }

    private static TicketTarget target(TicketConfig.Route r) {
        return new TicketTarget(
                r.project().orElse(null),
                r.component().orElse(null),
                r.repository().orElse(null),
                r.assignmentGroup().orElse(null),
                r.routingKey().orElse(null));
    }

    static Map<String, Set<String>> paging(TicketConfig config) {
        Map<String, Set<String>> paging = new HashMap<>();
        config.sinks().forEach((name, sink) -> {
            if (sink.type() == TicketConfig.SinkType.PAGERDUTY) {
                paging.put(
                        name,
                        sink.pagingSeverities().stream()
                                .map(s -> s.toLowerCase(Locale.ROOT))
                                .collect(Collectors.toSet()));
            }
        });
        return paging;
    }

    private static boolean matches(String wanted, String value) {
        return "*".equals(wanted) || wanted.equalsIgnoreCase(value);
    }
}
