package dev.driftwatch.baseline;

import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The account that must own a state bucket, sent as {@code ExpectedBucketOwner}: the configured one, else
 * the account of the source's own credentials, asked of STS once. Without it a bucket name that came to
 * belong to someone else would be read as the expected state.
 */
final class BucketOwner {

    private final String bucket;
    private final String property;
    private final Supplier<String> ownAccount;
    private volatile String account;

    private BucketOwner(String bucket, String property, String account, Supplier<String> ownAccount) {
        this.bucket = bucket;
        this.property = property;
        this.account = account;
        this.ownAccount = ownAccount;
    }

    static BucketOwner configured(String bucket, String account) {
        return new BucketOwner(bucket, null, account, null);
    }

    /** @param ownAccount GetCallerIdentity with the source's credentials; may throw */
    static BucketOwner sourceAccount(String bucket, String property, Supplier<String> ownAccount) {
        return new BucketOwner(bucket, property, null, ownAccount);
    }

    /** The account id; a failed look-up fails the read (never an unchecked one), naming the setting that avoids it. */
    String account() throws StateFileException {
        if (account == null) {
            try {
                account = ownAccount.get();
            } catch (SdkException e) {
                throw new StateFileException(
                        "s3://" + bucket,
                        "cannot tell which account should own the bucket (STS GetCallerIdentity: " + e.getMessage()
                                + "); set " + property);
            }
        }
        return account;
    }
}
