package dev.driftwatch.sweeper.delete;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;

/**
 * Empties a bucket of every object version and delete marker (a versioned bucket keeps both, and DeleteBucket refuses
 * a bucket with either), then deletes it. The client follows the bucket to its region.
 */
@ApplicationScoped
public class S3BucketDeleter implements Deleter {

    /** The most keys one DeleteObjects takes. */
    static final int BATCH = 1000;

    @Override
    public String resourceType() {
        return "aws_s3_bucket";
    }

    @Override
    public List<String> iamActions() {
        return List.of("s3:ListBucketVersions", "s3:DeleteObject", "s3:DeleteObjectVersion", "s3:DeleteBucket");
    }

    @Override
    public Deletion delete(AwsSession session, CloudResource bucket) {
        S3Client s3 = session.s3();
        String name = bucket.id();
        // Each listing starts over from the first key instead of paging on: the page just deleted is gone, and a
        // store need not resume from a marker that no longer exists (moto 5.2 then lists nothing). As many calls.
        boolean more;
        do {
            ListObjectVersionsResponse page =
                    s3.listObjectVersions(r -> r.bucket(name).maxKeys(BATCH));
            List<ObjectIdentifier> keys = new ArrayList<>();
            page.versions().forEach(v -> keys.add(identifier(v.key(), v.versionId())));
            page.deleteMarkers().forEach(m -> keys.add(identifier(m.key(), m.versionId())));
            for (int from = 0; from < keys.size(); from += BATCH) {
                deleteObjects(s3, name, keys.subList(from, Math.min(from + BATCH, keys.size())));
            }
            more = Boolean.TRUE.equals(page.isTruncated()) && !keys.isEmpty();
        } while (more);
        // objects written meanwhile make this answer BucketNotEmpty: a dependency, retried in a later pass
        s3.deleteBucket(r -> r.bucket(name));
        return Deletion.DONE;
    }

    private static ObjectIdentifier identifier(String key, String versionId) {
        return ObjectIdentifier.builder().key(key).versionId(versionId).build();
    }

    /** Deletes {@code chunk}; a key S3 refused (object lock, MFA delete) fails the whole delete. */
    private static void deleteObjects(S3Client s3, String bucket, List<ObjectIdentifier> chunk) {
        DeleteObjectsResponse response = s3.deleteObjects(
                r -> r.bucket(bucket).delete(d -> d.objects(chunk).quiet(true)));
        // DeleteObjects answers 200 and names each key it could not delete in the body
        if (response.hasErrors() && !response.errors().isEmpty()) {
            S3Error first = response.errors().get(0);
            throw new IllegalStateException(
                    "S3 refused to delete " + response.errors().size() + " of "
                            + chunk.size() + " object versions in bucket " + bucket + ", e.g. " + first.key() + " ("
                            + first.versionId() + "): " + first.code() + " " + first.message());
        }
    }
}
