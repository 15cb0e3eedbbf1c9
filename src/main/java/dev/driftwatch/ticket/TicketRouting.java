package dev.driftwatch.ticket;

import dev.driftwatch.finding.FindingView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Which sink a finding's ticket goes to: the first route (in name order) that matches it, else the default. */
@ApplicationScoped
public class TicketRouting {

    private final Map<String, TicketConfig.Route> routes;
    private final String defaultSink;

    @Inject
    TicketRouting(TicketConfig config) {
        this(config.routes(), config.defaultSink());
    }

    TicketRouting(Map<String, TicketConfig.Route> routes, String defaultSink) {
        this.routes = new TreeMap<>(routes);
        this.defaultSink = defaultSink;
    }

    public String sinkFor(FindingView finding) {
        return routes.values().stream()
                .filter(r -> matches(r.account(), finding.account())
                        && matches(r.type(), finding.type())
                        && matches(r.severity(), finding.severity()))
                .map(TicketConfig.Route::sink)
                .findFirst()
                .orElse(defaultSink);
    }

    /** Every sink a route or the default names, so a misspelt one fails the start, not the first ticket. */
    public Set<String> named() {
        Set<String> names = new TreeSet<>();
        names.add(defaultSink);
        routes.values().forEach(r -> names.add(r.sink()));
        return names;
    }

    private static boolean matches(String wanted, String value) {
        return "*".equals(wanted) || wanted.equalsIgnoreCase(value);
    }
}
