package dev.driftwatch.baseline;

import dev.driftwatch.aws.AwsClients;
import dev.driftwatch.baseline.BaselineConfig.HttpSource;
import dev.driftwatch.baseline.BaselineConfig.Located;
import dev.driftwatch.baseline.BaselineConfig.ProviderLocation;
import dev.driftwatch.baseline.BaselineConfig.S3Source;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the configured sources, refusing combinations that cannot work with a message naming the
 * property, so a wrong setting stops start-up rather than silently reading nothing.
 */
final class StateSources {

    private static final String PREFIX = "driftwatch.baseline.";

    private StateSources() {}

    /** @param aws the shared AWS clients the S3 sources' clients are built on */
    static List<StateSource> from(BaselineConfig config, AwsClients aws) {
        BaselineConfig.Terraform terraform = config.terraform();
        Map<String, StateLocations.Location> global = locations(config.providers());
        List<StateSource> sources = new ArrayList<>();
        StateLocations pathLocations = pathLocations(config);
        terraform.paths().orElse(List.of()).forEach(entry -> sources.add(new FileStateSource(entry, pathLocations)));
        config.s3().forEach((name, s3) -> {
            String settings = PREFIX + "s3.\"" + name + "\"";
            S3Keys keys = validated(settings, s3);
            List<AutoCloseable> alsoClose = new ArrayList<>();
            BucketOwner owner = s3.expectedBucketOwner()
                    .map(account -> BucketOwner.configured(s3.bucket(), account))
                    .orElseGet(() -> BucketOwner.sourceAccount(
                            s3.bucket(),
                            settings + ".expected-bucket-owner",
                            S3Clients.ownAccount(name, s3, aws, alsoClose)));
            sources.add(new S3StateSource(
                    "s3." + name,
                    S3Clients.of(name, s3, aws, alsoClose),
                    alsoClose,
                    s3.bucket(),
                    owner,
                    keys,
                    located(settings, s3, global, terraform)));
        });
        config.http().forEach((name, http) -> {
            String settings = PREFIX + "http.\"" + name + "\"";
            validated(settings, http);
            sources.add(new HttpStateSource(
                    "http." + name,
                    http.url(),
                    http.headers(),
                    http.timeout(),
                    located(settings, http, global, terraform)));
        });
        return sources;
    }

    /** Where the resources of local files (and of states given to the check API) live: the global settings. */
    static StateLocations pathLocations(BaselineConfig config) {
        BaselineConfig.Terraform terraform = config.terraform();
        return new StateLocations(
                locations(config.providers()),
                terraform.defaultAccount(),
                terraform.defaultRegion(),
                PREFIX + "terraform");
    }

    private static S3Keys validated(String settings, S3Source s3) {
        if (s3.key().isPresent() == s3.prefix().isPresent()) {
            throw invalid(
                    settings + ".key",
                    "set either key (one state) or prefix (every *.tfstate below it), not both nor neither");
        }
        if (s3.key().filter(String::isBlank).isPresent()) {
            throw invalid(settings + ".key", "must not be empty");
        }
        if (s3.externalId().isPresent() && s3.roleArn().isEmpty()) {
            throw invalid(settings + ".external-id", "needs role-arn");
        }
        if (s3.roleArn().isPresent() && s3.expectedBucketOwner().isEmpty()) {
            throw invalid(
                    settings + ".expected-bucket-owner",
                    "required with role-arn (the bucket is in another account):"
                            + " the 12-digit id of the account that owns bucket " + s3.bucket());
        }
        if (s3.expectedBucketOwner()
                .filter(account -> !account.matches(BaselineConfig.ACCOUNT))
                .isPresent()) {
            throw invalid(settings + ".expected-bucket-owner", BaselineConfig.ACCOUNT_MESSAGE);
        }
        positive(settings + ".api-call-timeout", s3.apiCallTimeout());
        positive(settings + ".api-call-attempt-timeout", s3.apiCallAttemptTimeout());
        if (s3.accessKeyId().isPresent() != s3.secretAccessKey().isPresent()) {
            throw invalid(settings + ".access-key-id", "access-key-id and secret-access-key go together");
        }
        if (s3.workspaceKeyPrefix().isBlank() || s3.workspaceKeyPrefix().endsWith("/")) {
            throw invalid(
                    settings + ".workspace-key-prefix",
                    "must be a non-empty prefix without a trailing /, as in the backend");
        }
        return new S3Keys(
                s3.key().orElse(null),
                s3.prefix().orElse(null),
                s3.workspaces().orElse(List.of()),
                s3.workspaceKeyPrefix());
    }

    private static void validated(String settings, HttpSource http) {
        String scheme = String.valueOf(http.url().getScheme());
        if (!scheme.equals("http") && !scheme.equals("https") || http.url().getHost() == null) {
            throw invalid(settings + ".url", "must be an http:// or https:// address");
        }
        positive(settings + ".timeout", http.timeout());
    }

    private static void positive(String property, java.time.Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw invalid(property, "must be positive");
        }
    }

    /** The source's provider locations over the global ones; its defaults, else the global defaults. */
    private static StateLocations located(
            String settings,
            Located source,
            Map<String, StateLocations.Location> global,
            BaselineConfig.Terraform terraform) {
        Map<String, StateLocations.Location> providers = new HashMap<>(global);
        providers.putAll(locations(source.providers()));
        Optional<String> account = source.defaultAccount().or(terraform::defaultAccount);
        Optional<String> region = source.defaultRegion().or(terraform::defaultRegion);
        return new StateLocations(Map.copyOf(providers), account, region, settings);
    }

    private static Map<String, StateLocations.Location> locations(Map<String, ProviderLocation> configured) {
        Map<String, StateLocations.Location> locations = new HashMap<>();
        configured.forEach((key, p) -> locations.put(key, new StateLocations.Location(p.account(), p.region())));
        return locations;
    }

    private static IllegalArgumentException invalid(String property, String problem) {
        return new IllegalArgumentException(property + ": " + problem);
    }
}
