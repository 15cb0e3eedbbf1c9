package dev.driftwatch.testsupport;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * Three accounts reached through AssumeRole in moto, two regions each: alpha and beta can be read,
 * locked's role cannot be assumed (see {@link StsGatekeeper}).
 */
public class MultiAccountProfile implements QuarkusTestProfile {

    public static final String ALPHA = "111111111111";
    public static final String BETA = "222222222222";
    public static final String LOCKED = "333333333333";
    public static final List<String> REGIONS = List.of("us-east-1", "eu-west-1");

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("driftwatch.inventory.regions", String.join(",", REGIONS)),
                Map.entry("driftwatch.aws.region-endpoints.\"eu-west-1\"", Moto.URL),
                Map.entry("driftwatch.inventory.accounts.alpha.id", ALPHA),
                Map.entry("driftwatch.inventory.accounts.alpha.role-arn", role(ALPHA, "driftwatch-scanner")),
                Map.entry("driftwatch.inventory.accounts.beta.id", BETA),
                Map.entry("driftwatch.inventory.accounts.beta.role-arn", role(BETA, "driftwatch-scanner")),
                Map.entry("driftwatch.inventory.accounts.beta.external-id", "beta-external-id"),
                Map.entry("driftwatch.inventory.accounts.locked.id", LOCKED),
                Map.entry("driftwatch.inventory.accounts.locked.role-arn", role(LOCKED, "denied-scanner")));
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(StsGatekeeper.class));
    }

    public static String role(String account, String name) {
        return "arn:aws:iam::" + account + ":role/" + name;
    }
}
