package dev.driftwatch.aws;

import java.util.Map;
import java.util.Optional;

/** One purpose's settings as an operator writes them. */
record PurposeSettingsValues(
        Optional<String> role, Map<String, String> roles, Optional<String> externalId, Optional<Integer> maxConcurrency)
        implements AwsConfig.PurposeSettings {

    static PurposeSettingsValues role(String role) {
        return new PurposeSettingsValues(Optional.of(role), Map.of(), Optional.empty(), Optional.empty());
    }

    static PurposeSettingsValues maxConcurrency(int calls) {
        return new PurposeSettingsValues(Optional.empty(), Map.of(), Optional.empty(), Optional.of(calls));
    }
}
