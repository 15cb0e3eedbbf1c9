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
        List<ObjectIdentifier> batch = new ArrayList<>(BATCH);
        // pages are fetched one at a time and deleted as batches fill: memory stays at about one batch
        for (ListObjectVersionsResponse page : s3.listObjectVersionsPaginator(r -> r.bucket(name))) {
            page.versions().forEach(v -> batch.add(identifier(v.key(), v.versionId())));
            page.deleteMarkers().forEach(m -> batch.add(identifier(m.key(), m.versionId())));
            while (batch.size() >= BATCH) {
                deleteObjects(s3, name, batch.subList(0, BATCH));
            }
        }
        if (!batch.isEmpty()) {
            deleteObjects(s3, name, batch);
        }
        s3.deleteBucket(r -> r.bucket(name));
        return Deletion.DONE;
    }

    private static ObjectIdentifier identifier(String key, String versionId) {
        return ObjectIdentifier.builder().key(key).versionId(versionId).build();
    }

    /** Deletes {@code keys} and clears them; a key S3 refused (object lock, MFA delete) fails the whole delete. */
    private static void deleteObjects(S3Client s3, String bucket, List<ObjectIdentifier> keys) {
        List<ObjectIdentifier> chunk = List.copyOf(keys);
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
        keys.clear();
    }
}
