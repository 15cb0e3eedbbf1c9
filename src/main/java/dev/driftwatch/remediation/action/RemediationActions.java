package dev.driftwatch.remediation.action;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The closed set of actions, by the name a policy gives. */
@ApplicationScoped
public class RemediationActions {

    private final Map<String, RemediationAction> byName;

    @Inject
    RemediationActions(Instance<RemediationAction> actions) {
        this(actions.stream().toList());
    }

    public RemediationActions(List<RemediationAction> actions) {
        this.byName =
                actions.stream().collect(Collectors.toUnmodifiableMap(RemediationAction::name, Function.identity()));
    }

    public Optional<RemediationAction> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public List<RemediationAction> all() {
        return byName.values().stream()
                .sorted(Comparator.comparing(RemediationAction::name))
                .toList();
    }
}
