package dev.driftwatch.policy;

import java.util.List;

/** A policy file that cannot be used: every problem found in it, each with its line. */
public class PolicyException extends Exception {

    private final transient List<PolicyError> errors;

    PolicyException(PolicyError error) {
        this(List.of(error));
    }

    PolicyException(List<PolicyError> errors) {
        super(errors.stream()
                .map(PolicyError::toString)
                .reduce((a, b) -> a + "; " + b)
                .orElse("invalid policy"));
        this.errors = List.copyOf(errors);
    }

    public List<PolicyError> errors() {
        return errors;
    }
}
