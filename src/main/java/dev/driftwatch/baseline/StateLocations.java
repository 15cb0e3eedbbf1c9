package dev.driftwatch.baseline;

import java.util.Map;
import java.util.Optional;

/**
 * Where a source's resources live when their ARN does not say: per provider configuration (by
 * {@code <provider>.<alias>} key, e.g. {@code aws.west}, or {@code aws} for the unaliased one), else the
 * source's defaults. {@code settings} is the configuration prefix to name in errors.
 */
record StateLocations(
        Map<String, Location> providers,
        Optional<String> defaultAccount,
        Optional<String> defaultRegion,
        String settings) {

    record Location(Optional<String> account, Optional<String> region) {}

    static StateLocations defaults(Optional<String> account, Optional<String> region) {
        return new StateLocations(Map.of(), account, region, "driftwatch.baseline.terraform");
    }

    Optional<Location> ofProvider(String providerAddress) {
        return ProviderKey.of(providerAddress).map(providers::get);
    }

    /**
     * The property that places a provider's resources: a source's own ({@code driftwatch.baseline.s3."net".providers."aws.west".region}),
     * or for local files and posted states the global one ({@code driftwatch.baseline.providers."aws.west".region}).
     */
    String providerSetting(String providerKey, String what) {
        String owner = settings.endsWith(".terraform")
                ? settings.substring(0, settings.length() - ".terraform".length())
                : settings;
        return owner + ".providers.\"" + providerKey + "\"." + what;
    }
}
