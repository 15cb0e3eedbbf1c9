package dev.driftwatch.sweeper;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sandbox sweeper. Nothing is deleted unless an account is listed here, and even then only after
 * {@code dry-run=false}: a listed account is planned and reported, and the plan is all a dry run does.
 */
@ConfigMapping(prefix = "driftwatch.sweeper")
public interface SweeperConfig {

    /** Whether this replica runs sweeps at all (nightly, and those asked for through the API); off in the one-shot check. */
    @WithDefault("true")
    boolean enabled();

    /** How often a replica looks for queued or approved sweeps, when no request woke it. */
    @WithDefault("10s")
    Duration pollInterval();

    /** Plan and report only, deleting nothing. Set {@code false} to let the sweeper delete. */
    @WithDefault("true")
    boolean dryRun();

    /** When the nightly sweep runs, as a Quartz cron expression (seconds first). */
    @WithDefault("0 0 3 * * ?")
    String cron();

    /** The time zone of {@link #cron()}. */
    @WithDefault("UTC")
    String timeZone();

    /** The sandbox accounts, by a name of your choice; any account not listed here is refused before any call. */
    Map<String, Account> accounts();

    /** An account whose alias contains one of these (case ignored) is refused; so is one without an alias. */
    @WithDefault("prod")
    List<String> blockedAliasTerms();

    /** How old a resource must be before it is swept: by AWS's creation time, else by driftwatch's first sight. */
    @WithDefault("48h")
    Duration minAge();

    /** Tags that protect a resource, as {@code key=value}, or {@code key} for any value. */
    @WithDefault("driftwatch:sweep=keep")
    List<String> protectTags();

    /** A tag whose value is a date ({@code 2027-01-31}) or instant until which the resource is kept. */
    @WithDefault("driftwatch:keep-until")
    String keepUntilTag();

    /** Regular expressions: a resource whose id, name or {@code Name} tag matches one is kept. */
    Optional<List<String>> protectNames();

    /** Terraform types never swept, e.g. {@code aws_iam_role}. */
    Optional<List<String>> excludedTypes();

    /**
     * Keep what a Terraform state manages (a sandbox's Terraform estate is its team's to destroy). While a state
     * cannot be read, nothing in the account is deleted.
     */
    @WithDefault("true")
    boolean protectStateManaged();

    /**
     * Announce before deleting: a resource is first planned {@code NOTICED} (published as {@code sweep.noticed}) and
     * deleted only by a sweep at least this long after, if still eligible then. Unset: deleted in the first sweep.
     */
    Optional<Duration> noticePeriod();

    /** A plan deleting more than this aborts before any delete, until an approver approves that plan. */
    @WithDefault("200")
    int maxDeletions();

    /** A plan deleting more than this share of the account's resources (percent) aborts likewise. */
    @WithDefault("50")
    int maxDeletionPercent();

    /** Deletes running at once in one account (within the account's AWS rate limits). */
    @WithDefault("8")
    int concurrency();

    /** How many passes over the dependency order a run makes, while a pass still deletes something. */
    @WithDefault("5")
    int maxPasses();

    /** How long a run waits for deletions AWS finishes in the background (instances terminating). */
    @WithDefault("10m")
    Duration asyncWait();

    /** Delete RDS instances with deletion protection on (turning it off first); by default they are kept. */
    @WithDefault("false")
    boolean overrideRdsDeletionProtection();

    /** Take a final snapshot before deleting an RDS instance. */
    @WithDefault("false")
    boolean rdsFinalSnapshot();

    /** A sandbox account. */
    interface Account {

        /** The 12-digit account id. */
        String id();

        /** The sweeper's role in the account (default {@code arn:aws:iam::<id>:role/driftwatch-sweeper}). */
        Optional<String> roleArn();

        /** The external id the role's trust policy asks for. */
        Optional<String> externalId();

        /** The regions swept, besides the account's global resources (IAM, S3). */
        List<String> regions();
    }
}
