package dev.driftwatch.remediation.action;

import java.util.Map;

/**
 * An AWS call as a remediation records it before making it.
 *
 * @param operation  {@code service:Operation}, as IAM names it
 * @param parameters its request parameters, as plain values
 */
public record PlannedCall(String operation, Map<String, Object> parameters) {

    public PlannedCall {
        parameters = Map.copyOf(parameters);
    }
}
