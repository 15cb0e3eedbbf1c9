package dev.driftwatch.resource;

import java.util.Map;

/**
 * The id a state entry is matched by, from its attributes: mostly the {@code id} Terraform stores, but where
 * Terraform stores a random id (a role policy attachment it created, EBS encryption by default), the id
 * that identifies the resource in AWS, as its collector reports it.
 */
@FunctionalInterface
public interface StateIdRule {

    StateIdRule TERRAFORM_ID = attributes -> attributes.get("id");

    /** @return the id, or {@code null} when the state entry has none */
    Object idOf(Map<String, Object> attributes);

    /** One resource per account and region (or account) whose state id is random: always this id. */
    static StateIdRule fixed(String id) {
        return attributes -> id;
    }

    /** {@code <first><separator><second>} when the entry has both, else Terraform's id. */
    static StateIdRule pair(String first, String separator, String second) {
        return attributes -> attributes.get(first) != null && attributes.get(second) != null
                ? attributes.get(first) + separator + attributes.get(second)
                : attributes.get("id");
    }
}
