package dev.driftwatch.ticket;

import dev.driftwatch.policy.PolicyDefinition;
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

    /**
     * Findings that get a ticket whatever their policy or drift rule says, by rule name: every open finding at or
     * above a severity, e.g. {@code open-at.prod.severity=high} with {@code open-at.prod.account=111111111111}.
     */
    Map<String, OpenAt> openAt();

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

        /** {@code builtin}, {@code github}, {@code jira-cloud}, {@code jira-data-center}, {@code servicenow}, {@code pagerduty} or {@code webhook}. */
        SinkType type();

        /**
         * github: the REST API's base URL ({@code https://api.github.com} when not set; GitHub Enterprise Server:
         * {@code https://HOST/api/v3}); jira-cloud, jira-data-center: the site ({@code https://acme.atlassian.net},
         * required); servicenow: the instance ({@code https://acme.service-now.com}, required); pagerduty: the Events
         * API ({@code https://events.pagerduty.com} when not set); webhook: where the events are posted (required).
         */
        Optional<URI> url();

        /** github: {@code owner/repository} the issues are opened in. */
        Optional<String> repository();

        /**
         * github: a token that may write issues (fine-grained: Issues read and write); jira-cloud: the API token of
         * {@link #email()}; jira-data-center: a personal access token (sent as a bearer token); servicenow: an OAuth
         * bearer token, when {@link #username()} is not set. Never logged or stored.
         */
        Optional<String> token();

        /**
         * github, jira-cloud, jira-data-center: labels put on every ticket, besides {@code driftwatch} and the
         * marker {@code driftwatch-<first 12 of the fingerprint>}.
         */
        Optional<List<String>> labels();

        /**
         * github: logins assigned to every new issue (at most 10, GitHub's limit); after that people own the
         * assignees. A team's own sink (its repository, its assignees) is how a route reaches a team.
         */
        Optional<List<String>> assignees();

        /** webhook: the shared secret of the HMAC-SHA256 signature. Never logged or stored. */
        Optional<String> secret();

        /** jira-cloud: the Atlassian account's email address, the user of basic authentication with {@link #token()}. */
        Optional<String> email();

        /** jira-cloud, jira-data-center: the project key the issues are opened in (a route may name another). */
        Optional<String> project();

        /** jira-cloud, jira-data-center: the issue type's name. */
        @WithDefault("Task")
        String issueType();

        /** jira-cloud, jira-data-center: components set on every issue (a route may name one more). */
        Optional<List<String>> components();

        /**
         * jira-cloud, jira-data-center: the priority's name by driftwatch severity, e.g. {@code priorities.critical=Highest};
         * a severity not listed leaves the priority to the project's default.
         */
        Map<String, String> priorities();

        /** jira-cloud, jira-data-center: the name of the workflow transition that closes an issue. */
        @WithDefault("Done")
        String closeTransition();

        /** jira-cloud, jira-data-center: resolutions that mean "won't do" (case ignored). */
        @WithDefault("Won't Do,Won't Fix")
        List<String> wontDoResolutions();

        /** servicenow: the user of basic authentication (with {@link #password()}); else {@link #token()} is used. */
        Optional<String> username();

        /** servicenow: the password of {@link #username()}. Never logged or stored. */
        Optional<String> password();

        /** servicenow: the assignment group of new incidents, by name or sys_id (a route may name another). */
        Optional<String> assignmentGroup();

        /** servicenow: the incident field driftwatch's comments go to: {@code comments}, or {@code work_notes} to keep them internal. */
        @WithDefault("comments")
        String commentField();

        /** servicenow: the {@code close_code} of an incident driftwatch resolves. */
        @WithDefault("Solution provided")
        String closeCode();

        /** servicenow: close codes that mean "won't do" (case ignored); a cancelled incident (state 8) is one too. */
        Optional<List<String>> wontDoCloseCodes();

        /**
         * servicenow: the incident's {@code impact} (1 high, 2 medium, 3 low) by driftwatch severity, over the
         * defaults critical 1, high 2, medium 2, low 3, e.g. {@code impacts.high=1}; ServiceNow derives the priority
         * from impact and urgency. A finding without a severity leaves both to the instance.
         */
        Map<String, String> impacts();

        /**
         * servicenow: the incident's {@code urgency} (1 high, 2 medium, 3 low) by driftwatch severity, over the
         * defaults critical 1, high 1, medium 2, low 3, e.g. {@code urgencies.high=2}.
         */
        Map<String, String> urgencies();

        /** pagerduty: the integration's routing key (Events API v2). Never logged or stored. */
        Optional<String> routingKey();

        /**
         * pagerduty: more routing keys by a name a route gives in its {@code routing-key}, e.g.
         * {@code routing-keys.payments=${PD_PAYMENTS_KEY}}; the name, never the key, is stored with the ticket.
         */
        Map<String, String> routingKeys();

        /**
         * pagerduty: the severities that page. A finding of another severity routed here goes on to the next
         * matching route (and at last to the default sink, or {@code builtin} when the default is this one), so it
         * is never dropped and nobody is woken for it.
         */
        @WithDefault("critical,high")
        List<String> pagingSeverities();
    }

    /** The kinds of ticket system. */
    enum SinkType {
        BUILTIN,
        GITHUB,
        JIRA_CLOUD,
        JIRA_DATA_CENTER,
        SERVICENOW,
        PAGERDUTY,
        WEBHOOK
    }

    /**
     * Every open finding at or above a severity, in an account, of a type, on resources with tags, gets a ticket:
     * violations at their policy's severity, drift at the one {@code driftwatch.drift.severities} gives it (default
     * {@code driftwatch.drift.default-severity}).
     */
    interface OpenAt {

        /** The lowest severity that gets a ticket: {@code low}, {@code medium}, {@code high} or {@code critical}. */
        PolicyDefinition.Severity severity();

        /** Account id, or {@code *} for every account. */
        @WithDefault("*")
        String account();

        /** Terraform type, or {@code *} for every type. */
        @WithDefault("*")
        String type();

        /**
         * Resource tags the finding's resource must carry, e.g. {@code tags.env=prod} (values exact). A finding whose
         * tags driftwatch does not know is not matched by a rule that asks for tags.
         */
        Map<String, String> tags();
    }

    /** Findings matched by account, region, type, severity and tags go to one sink, with that sink's target. */
    interface Route {

        /** Account id, or {@code *} for every account. */
        @WithDefault("*")
        String account();

        /** Region ({@code eu-west-1}), or {@code *} for every region. */
        @WithDefault("*")
        String region();

        /** Terraform type, or {@code *} for every type. */
        @WithDefault("*")
        String type();

        /** Severity ({@code high}, case ignored; drift's as {@code driftwatch.drift.severities} says), or {@code *} for every severity. */
        @WithDefault("*")
        String severity();

        /**
         * Resource tags the finding's resource must carry, e.g. {@code tags.owner-team=payments} (values exact). A
         * finding whose tags driftwatch does not know matches no route that asks for tags.
         */
        Map<String, String> tags();

        /** The sink's name. */
        String sink();

        /** jira-cloud, jira-data-center: the project key, instead of the sink's. */
        Optional<String> project();

        /** jira-cloud, jira-data-center: a component added to the sink's. */
        Optional<String> component();

        /** github: {@code owner/repository}, instead of the sink's. */
        Optional<String> repository();

        /** servicenow: the assignment group, instead of the sink's. */
        Optional<String> assignmentGroup();

        /** pagerduty: the name of one of the sink's {@code routing-keys}, instead of its {@code routing-key}. */
        Optional<String> routingKey();
    }
}
