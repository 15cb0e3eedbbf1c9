package dev.driftwatch.drift;

import dev.driftwatch.resource.PolicyJson;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares a fixed list of attributes (those the type's collector reports), the policy documents among
 * them in {@link PolicyJson#canonical canonical} form. Base of the small per-type normalisers.
 */
abstract class FixedAttributesNormaliser implements Normaliser {

    private final ReportedAttributes compared;
    private final Set<String> policies;

    FixedAttributesNormaliser(String resourceType, List<String> attributes, String... policies) {
        this.compared = new ReportedAttributes(resourceType, new LinkedHashSet<>(attributes));
        this.policies = Set.of(policies);
    }

    @Override
    public String resourceType() {
        return compared.resourceType();
    }

    @Override
    public Map<String, Object> normalise(Map<String, Object> attributes) {
        Map<String, Object> canonical = compared.normalise(attributes);
        policies.forEach(
                key -> canonical.computeIfPresent(key, (k, v) -> v instanceof String s ? PolicyJson.canonical(s) : v));
        return canonical;
    }
}
