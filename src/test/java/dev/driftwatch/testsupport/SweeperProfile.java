package dev.driftwatch.testsupport;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The sweeper deleting (dry run off) in sandbox accounts reached through AssumeRole in moto, and accounts it must
 * refuse: one whose alias says prod, one without an alias, and moto's own account (the one driftwatch runs in).
 */
public class SweeperProfile implements QuarkusTestProfile {

    public static final String SANDBOX = "444444444444";
    /** Sandboxes of their own for tests whose leftovers would change another's plan. */
    public static final String ESTATE_SANDBOX = "444444444402";

    public static final String CAPPED_SANDBOX = "444444444403";
    public static final String PROD = "555555555555";
    public static final String NO_ALIAS = "666666666666";
    public static final String NOT_LISTED = "777777777777";
    public static final String REGION = "us-east-1";
    /** A plan deleting more than this waits for an approver. */
    public static final int MAX_DELETIONS = 60;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("driftwatch.sweeper.dry-run", "false"),
                Map.entry("driftwatch.sweeper.poll-interval", "500ms"),
                Map.entry("driftwatch.sweeper.max-deletions", String.valueOf(MAX_DELETIONS)),
                // a sandbox's resources are all stale here
                Map.entry("driftwatch.sweeper.max-deletion-percent", "100"),
                Map.entry("driftwatch.sweeper.protect-names", "^keep-"),
                Map.entry("driftwatch.sweeper.accounts.sandbox.id", SANDBOX),
                Map.entry("driftwatch.sweeper.accounts.sandbox.regions", REGION),
                Map.entry("driftwatch.sweeper.accounts.sandbox.external-id", "sweeper-external-id"),
                Map.entry("driftwatch.sweeper.accounts.estate.id", ESTATE_SANDBOX),
                Map.entry("driftwatch.sweeper.accounts.estate.regions", REGION),
                Map.entry("driftwatch.sweeper.accounts.capped.id", CAPPED_SANDBOX),
                Map.entry("driftwatch.sweeper.accounts.capped.regions", REGION),
                Map.entry("driftwatch.sweeper.accounts.prod.id", PROD),
                Map.entry("driftwatch.sweeper.accounts.prod.regions", REGION),
                Map.entry("driftwatch.sweeper.accounts.no-alias.id", NO_ALIAS),
                Map.entry("driftwatch.sweeper.accounts.no-alias.regions", REGION),
                Map.entry("driftwatch.sweeper.accounts.management.id", Moto.ACCOUNT),
                Map.entry("driftwatch.sweeper.accounts.management.regions", REGION));
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Ec2GroupsInUse.class));
    }
}
