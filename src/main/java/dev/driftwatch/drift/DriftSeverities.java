package dev.driftwatch.drift;

import dev.driftwatch.policy.PolicyDefinition.Severity;
import dev.driftwatch.resource.AttributeDiff;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How bad one drift is, from {@code driftwatch.drift.severities}: the highest severity of the rules that match it, or
 * {@code driftwatch.drift.default-severity} when none does. The highest wins because it is the safer choice: a rule
 * that lowers one kind of drift must not hide a more serious change another rule names in the same finding (a
 * security group whose tags and ingress both changed is as bad as its ingress). For the same reason one matching
 * changed attribute is enough, where a remediation rule needs all of them to match.
 */
@Startup // a rule of an unknown kind fails start-up rather than silently matching nothing
@ApplicationScoped
public class DriftSeverities {

    private static final String EVERY = "*";

    private final Severity fallback;
    private final List<Rule> rules;

    @Inject
    DriftSeverities(DriftConfig config) {
        this(config.defaultSeverity(), config.severities());
    }

    DriftSeverities(Severity fallback, Map<String, DriftConfig.SeverityRule> rules) {
        this.fallback = fallback;
        this.rules = rules.entrySet().stream()
                .map(e -> Rule.of(e.getKey(), e.getValue()))
                .toList();
    }

    public Severity of(DriftObservation drift) {
        return of(drift.kind(), drift.resource().type(), drift.diffs());
    }

    Severity of(DriftKind kind, String type, List<AttributeDiff> diffs) {
        return rules.stream()
                .filter(rule -> rule.matches(kind, type, diffs))
                .map(Rule::severity)
                .max(Comparator.naturalOrder())
                .orElse(fallback);
    }

    /**
     * A rule with its globs compiled once (they are matched for every drift of every scan).
     *
     * @param kind      empty for every kind
     * @param attribute empty for {@code **}: the rule looks at no attribute
     */
    private record Rule(Pattern type, Optional<DriftKind> kind, Optional<Pattern> attribute, Severity severity) {

        static Rule of(String name, DriftConfig.SeverityRule rule) {
            return new Rule(
                    PathGlob.compile(rule.type()),
                    kind(name, rule.kind()),
                    "**".equals(rule.attribute()) ? Optional.empty() : Optional.of(PathGlob.compile(rule.attribute())),
                    rule.severity());
        }

        private static Optional<DriftKind> kind(String name, String kind) {
            if (EVERY.equals(kind)) {
                return Optional.empty();
            }
            try {
                return Optional.of(DriftKind.valueOf(kind.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("driftwatch.drift.severities." + name + ".kind is '" + kind
                        + "': changed, unmanaged, missing or *");
            }
        }

        /** The default attribute ({@code **}) looks at none, so it matches drift without changed attributes too. */
        boolean matches(DriftKind drift, String resourceType, List<AttributeDiff> diffs) {
            return kind.map(drift::equals).orElse(true)
                    && type.matcher(resourceType).matches()
                    && attribute
                            .map(path -> diffs.stream()
                                    .anyMatch(d -> path.matcher(d.path()).matches()))
                            .orElse(true);
        }
    }
}
