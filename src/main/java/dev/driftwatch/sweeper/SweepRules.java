package dev.driftwatch.sweeper;

import dev.driftwatch.resource.CloudResource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Decides, for one resource as just read, whether the sweeper may delete it. Every question it cannot answer
 * keeps the resource: an unread state, an unreadable keep-until date, an unknown age. Used for the plan and again
 * for each resource just before its delete.
 */
public final class SweepRules {

    private final Clock clock;
    private final Duration minAge;
    private final List<String> protectTags;
    private final String keepUntilTag;
    private final List<Pattern> protectNames;
    private final Set<String> excludedTypes;
    private final Optional<Duration> noticePeriod;

    public SweepRules(SweeperConfig config, Clock clock) {
        this.clock = clock;
        this.minAge = config.minAge();
        this.protectTags = List.copyOf(config.protectTags());
        this.keepUntilTag = config.keepUntilTag();
        this.protectNames = config.protectNames().orElse(List.of()).stream()
                .map(Pattern::compile)
                .toList();
        this.excludedTypes = Set.copyOf(config.excludedTypes().orElse(List.of()));
        this.noticePeriod = config.noticePeriod();
    }

    /**
     * @param firstSeen when driftwatch first saw it, for types AWS gives no creation time for; may be null
     * @param state     whether a Terraform state manages it, as far as the states could be read
     */
    public Verdict decide(CloudResource resource, Instant firstSeen, StateManagement state) {
        if (excludedTypes.contains(resource.type())) {
            return new Verdict(SweepDecision.TYPE_EXCLUDED, "driftwatch.sweeper.excluded-types");
        }
        if (resource.awsManaged()) {
            return new Verdict(SweepDecision.AWS_MANAGED, "created and owned by AWS");
        }
        Optional<String> tag = protectingTag(resource.tags());
        if (tag.isPresent()) {
            return new Verdict(SweepDecision.PROTECTED_TAG, tag.get());
        }
        Optional<String> name = protectingName(resource);
        if (name.isPresent()) {
            return new Verdict(SweepDecision.PROTECTED_NAME, name.get());
        }
        if (state == StateManagement.MANAGED) {
            return new Verdict(SweepDecision.MANAGED_BY_STATE, "a Terraform state manages it");
        }
        if (state == StateManagement.UNKNOWN) {
            return new Verdict(SweepDecision.STATE_UNKNOWN, "a Terraform state could not be read");
        }
        return byAge(resource, firstSeen);
    }

    /**
     * What earlier sweeps change about a resource to delete: one a person kept through the API is kept; with a notice
     * period, one not announced long enough ago is announced now ({@link SweepDecision#NOTICED}), not deleted.
     */
    public Verdict afterNotices(Sightings.Key key, Verdict verdict, Notices.Earlier earlier) {
        if (!verdict.deletes()) {
            return verdict;
        }
        if (earlier.kept().contains(key)) {
            return new Verdict(SweepDecision.KEPT_ON_REQUEST, "kept through the API in an earlier sweep");
        }
        if (noticePeriod.isEmpty()) {
            return verdict;
        }
        Instant noticed = earlier.noticed().get(key);
        Instant due = (noticed != null ? noticed : clock.instant()).plus(noticePeriod.get());
        if (noticed != null && !clock.instant().isBefore(due)) {
            return new Verdict(SweepDecision.DELETE, verdict.reason() + "; announced " + noticed);
        }
        return new Verdict(
                SweepDecision.NOTICED,
                "to be deleted from " + due + " if still eligible then (" + verdict.reason() + ")");
    }

    private Verdict byAge(CloudResource resource, Instant firstSeen) {
        Instant born = resource.createdAt() != null ? resource.createdAt() : firstSeen;
        String source = resource.createdAt() != null ? "created" : "first seen";
        if (born == null) {
            return new Verdict(SweepDecision.AGE_UNKNOWN, "neither AWS nor driftwatch knows when it was created");
        }
        Duration age = Duration.between(born, clock.instant());
        String when = source + " " + born + " (" + age.toHours() + " h ago)";
        return age.compareTo(minAge) < 0
                ? new Verdict(SweepDecision.TOO_YOUNG, when)
                : new Verdict(SweepDecision.DELETE, when);
    }

    private Optional<String> protectingTag(Map<String, String> tags) {
        for (String rule : protectTags) {
            int eq = rule.indexOf('=');
            String key = eq < 0 ? rule : rule.substring(0, eq);
            if (tags.containsKey(key) && (eq < 0 || tags.get(key).equals(rule.substring(eq + 1)))) {
                return Optional.of("tag " + rule);
            }
        }
        String until = tags.get(keepUntilTag);
        if (until == null) {
            return Optional.empty();
        }
        Optional<Instant> end = keepUntil(until);
        if (end.isEmpty()) {
            return Optional.of("tag " + keepUntilTag + "=" + until + " is not a date: kept");
        }
        return end.get().isAfter(clock.instant()) ? Optional.of("tag " + keepUntilTag + "=" + until) : Optional.empty();
    }

    /** A date keeps the resource to the end of that day (UTC); an instant to that instant. */
    static Optional<Instant> keepUntil(String value) {
        try {
            return Optional.of(LocalDate.parse(value.trim())
                    .plusDays(1)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant());
        } catch (DateTimeParseException notADate) {
            try {
                return Optional.of(Instant.parse(value.trim()));
            } catch (DateTimeParseException notAnInstant) {
                return Optional.empty();
            }
        }
    }

    private Optional<String> protectingName(CloudResource resource) {
        return Stream.of(resource.id(), name(resource), resource.tags().get("Name"))
                .filter(n -> n != null && !n.isBlank())
                .flatMap(n -> protectNames.stream()
                        .filter(p -> p.matcher(n).find())
                        .map(p -> "name " + n + " matches " + p.pattern()))
                .findFirst();
    }

    private static String name(CloudResource resource) {
        Object name = resource.attributes().get("name");
        return name == null ? null : name.toString();
    }
}
