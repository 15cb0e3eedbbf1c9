package dev.driftwatch.inventory;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.aws.OperationNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.jboss.logging.Logger;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * The per-resource reads of a collector (a bucket's tags, a key's description), where AWS refusing the call
 * for one resource only leaves that resource unknown: a member-account admin who denies {@code GetBucketTagging}
 * in one bucket's policy hides that bucket, not every bucket. The unknown resource is recorded on the session
 * (a scan problem naming it; no finding about it opens or resolves) and the other resources are read.
 *
 * <p>Only a refusal for the resource counts (an AWS answer 4xx, not throttling). An unreachable endpoint, a
 * timeout, a server error or a refusal of every resource still fails the whole read, as before.
 */
public final class ResourceReads {

    private static final Logger LOG = Logger.getLogger(ResourceReads.class);

    private ResourceReads() {}

    /**
     * Reads each item side by side (see {@link ParallelReads}); an empty answer is left out.
     *
     * @param collector the collector reading, for the unknown resource's type and service
     * @param idOf      the Terraform id of the resource an item stands for
     */
    public static <T, R> List<R> each(
            AwsSession session,
            Collector collector,
            List<T> items,
            Function<T, String> idOf,
            Function<T, Optional<R>> read) {
        List<Refused> refused = new CopyOnWriteArrayList<>();
        List<R> results = ParallelReads.map(items, item -> {
            try {
                return read.apply(item);
            } catch (AwsServiceException e) {
                if (!refusedForThisResource(e)) {
                    throw e;
                }
                refused.add(new Refused(idOf.apply(item), e));
                return Optional.empty();
            }
        });
        if (!refused.isEmpty() && refused.size() == items.size()) {
            throw refused.get(0)
                    .failure(); // nothing read at all: the type is unread, one gap instead of one per resource
        }
        for (Refused r : refused) {
            String reason =
                    OperationNames.of(r.failure()).map(op -> op + ": ").orElse("") + ReadFailures.describe(r.failure());
            LOG.warnf(
                    "%s %s in %s/%s is unknown in this scan: %s",
                    collector.resourceType(), r.id(), session.account(), session.region(), reason);
            if (!(session instanceof TargetSession target)) {
                throw r.failure(); // no record to keep it in: the whole type is unread, which is safe
            }
            target.unknown(new ReadGap(
                    session.account(),
                    session.region(),
                    collector.service(),
                    collector.resourceType(),
                    r.id(),
                    reason));
        }
        return new ArrayList<>(results);
    }

    /** AWS answered, and refused this one call: access denied by the resource's policy, a key disabled, ... */
    static boolean refusedForThisResource(AwsServiceException e) {
        return e.statusCode() >= 400
                && e.statusCode() < 500
                && !e.isThrottlingException()
                && e.awsErrorDetails() != null;
    }

    private record Refused(String id, AwsServiceException failure) {}
}
