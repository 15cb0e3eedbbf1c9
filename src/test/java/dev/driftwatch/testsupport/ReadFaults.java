package dev.driftwatch.testsupport;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * S3 and IAM as the service sees them in {@code InventoryIT}: moto, except for two failures moto cannot
 * produce. S3 refuses GetBucketTagging for one bucket, on the wire, as that bucket's policy would; IAM holds
 * every answer back while a test says so, as a hung endpoint would. The scan deadline is short here.
 */
public class ReadFaults extends MotoFront {

    /** {@code driftwatch.inventory.deadline} while this front is in place. */
    public static final Duration DEADLINE = Duration.ofSeconds(10);
    /** Longest an IAM answer is held back: past the SDK's api-call-timeout, so only the deadline ends the wait. */
    private static final Duration LONGEST_HOLD = Duration.ofSeconds(90);

    private static final String ACCESS_DENIED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>0000000000000000</RequestId>\
            <HostId>test</HostId></Error>""";

    private static volatile String taggingRefusedFor;
    private static volatile CountDownLatch iamHeld = new CountDownLatch(0);

    public ReadFaults() {
        super("s3", "iam");
    }

    /** GetBucketTagging of this bucket is refused from now on. */
    public static void refuseTagging(String bucket) {
        taggingRefusedFor = bucket;
    }

    /** IAM answers nothing from now on, until {@link #reset()}. */
    public static void holdIam() {
        iamHeld = new CountDownLatch(1);
    }

    /** Both as moto answers them; IAM answers held back are let go. */
    public static void reset() {
        taggingRefusedFor = null;
        iamHeld.countDown();
    }

    @Override
    protected Map<String, String> settings() {
        // the test states' buckets carry no account in their ARN
        // a collector waiting on IAM holds its thread: enough threads that the S3 collectors still run
        return Map.of(
                "driftwatch.inventory.deadline",
                DEADLINE.toSeconds() + "s",
                "driftwatch.inventory.collector-threads",
                "16",
                "driftwatch.baseline.terraform.default-account",
                Moto.ACCOUNT);
    }

    @Override
    protected Reply answer(String method, URI uri, String form, Supplier<Reply> moto) {
        if (form.contains("Version=2010-05-08")) { // IAM's query protocol
            try {
                iamHeld.await(LONGEST_HOLD.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return moto.get();
        }
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        boolean tagging = "GET".equals(method) && query.matches("(.*&)?tagging(=[^&]*)?(&.*)?");
        if (tagging && uri.getPath().equals("/" + taggingRefusedFor)) {
            return new Reply(403, ACCESS_DENIED);
        }
        return moto.get();
    }
}
