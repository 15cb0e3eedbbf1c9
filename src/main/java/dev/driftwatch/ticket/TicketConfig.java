package dev.driftwatch.ticket;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where tickets go and how hard the ticket systems are tried. The {@code builtin} sink (tickets kept in PostgreSQL,
 * shown by {@code GET /api/tickets}) is always there, so the {@code ticket} mode works with nothing configured.
 */
@ConfigMapping(prefix = "driftwatch.tickets")
public interface TicketConfig {

    /** Whether this replica consumes findings for tickets and works the ticket queue at all; off in the one-shot check. */
    @WithDefault("true")
    boolean enabled();

    /** The sink of the findings no route matches: {@code builtin} or the name of a configured sink. */
    @WithDefault("builtin")
    String defaultSink();

    /** Ticket systems by name, e.g. {@code driftwatch.tickets.sinks.platform.type=github}. */
    Map<String, Sink> sinks();

    /** Which findings go to which sink, by route name; the first matching route in name order wins. */
    Map<String, Route> routes();

    /** How often a replica looks for ticket actions that are due, when no finding event woke it. */
    @WithDefault("5s")
    Duration pollInterval();

    /** How long one call to a ticket system may take; one that takes longer is tried again (never twice created). */
    @WithDefault("10s")
    Duration requestTimeout();

    /**
     * How long a replica holds an action it took; after that another replica takes it (the first is taken to be
     * gone). Longer than {@link #requestTimeout()}.
     */
    @WithDefault("2m")
    Duration lease();

    /** The wait after a first failed attempt; it doubles with each attempt (a longer {@code Retry-After} wins). */
    @WithDefault("10s")
    Duration firstRetry();

    /** The longest wait between attempts: an action is tried again until the ticket system takes it. */
    @WithDefault("1h")
    Duration maxRetry();

    /** One ticket system. */
    interface Sink {

        /** {@code builtin}, {@code github} or {@code webhook}. */
        SinkType type();

        /**
         * github: the REST API's base URL ({@code https://api.github.com} when not set; GitHub Enterprise Server:
         * {@code https://HOST/api/v3}); webhook: where the events are posted (required).
         */
        Optional<URI> url();

        /** github: {@code owner/repository} the issues are opened in. */
        Optional<String> repository();

        /** github: a token that may write issues (fine-grained: Issues read and write). Never logged or stored. */
        Optional<String> token();

        /** github: labels put on every issue, besides {@code driftwatch} and {@code driftwatch-<fingerprint>}. */
        Optional<List<String>> labels();

        /** webhook: the shared secret of the HMAC-SHA256 signature. Never logged or stored. */
        Optional<String> secret();
    }

    /** The kinds of ticket system. */
    enum SinkType {
        BUILTIN,
        GITHUB,
        WEBHOOK
    }

    /** Findings matched by account, type and severity go to one sink. */
    interface Route {

        /** Account id, or {@code *} for every account. */
        @WithDefault("*")
        String account();

        /** Terraform type, or {@code *} for every type. */
        @WithDefault("*")
        String type();

        /** Severity ({@code high}, case ignored), or {@code *} for every severity. */
        @WithDefault("*")
        String severity();

        /** The sink's name. */
        String sink();
    }
}
