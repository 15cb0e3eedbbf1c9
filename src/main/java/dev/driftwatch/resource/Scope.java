package dev.driftwatch.resource;

/** Where a type's resources live, and so which scan of an account reads them. */
public enum Scope {
    /** One per region (EC2, Lambda, ...): read in each region's scan. */
    REGIONAL,
    /** Global services (IAM, S3's bucket list): read once per account, in its {@code global} scan. */
    GLOBAL,
    /** One setting per account (the password policy, S3's account public access block): read in the global scan. */
    ACCOUNT_LEVEL;

    /** Whether the account's {@code global} scan reads this scope, rather than each region's. */
    public boolean readInGlobalScan() {
        return this != REGIONAL;
    }
}
