package dev.driftwatch.remediation.action;

import java.util.Map;

/**
 * The resource a remediation is about and what the policy says of it.
 *
 * @param resourceId the id Terraform stores (the finding's resource id)
 * @param parameters the violated policy's variables, e.g. {@code port}
 */
public record Target(String resourceId, Map<String, Object> parameters) {

    public Target {
        parameters = Map.copyOf(parameters);
    }

    public int intParameter(String name) {
        Object value = parameters.get(name);
        if (value instanceof Number number) {
            return number.intValue();
        }
        throw new IllegalArgumentException("the policy gives no whole-number variable '" + name + "'");
    }
}
