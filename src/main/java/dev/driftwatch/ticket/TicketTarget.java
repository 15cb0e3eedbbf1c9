package dev.driftwatch.ticket;

/**
 * Where a route sends a new ticket inside its sink, over the sink's own settings; a null part keeps the sink's.
 * Stored with the ticket's CREATE action, so its comments and close go to the same place. Holds no secret: a
 * PagerDuty routing key is named here, its value stays in the configuration.
 *
 * @param project Jira project key
 * @param component Jira component
 * @param repository GitHub {@code owner/repository}
 * @param assignmentGroup ServiceNow assignment group (name or sys_id)
 * @param routingKey the name of an entry of the PagerDuty sink's {@code routing-keys}
 */
public record TicketTarget(
        String project, String component, String repository, String assignmentGroup, String routingKey) {

    public static final TicketTarget NONE = new TicketTarget(null, null, null, null, null);

    /** {@code mine} unless this target overrides it. */
    static String or(String override, String mine) {
        return override == null || override.isBlank() ? mine : override;
    }
}
