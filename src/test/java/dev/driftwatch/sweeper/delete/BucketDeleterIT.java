package dev.driftwatch.sweeper.delete;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftwatch.inventory.Regions;
import dev.driftwatch.inventory.s3.S3BucketCollector;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.testsupport.DriftCheck;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoSession;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;

/** The bucket deleter against moto: every version and delete marker first, then the bucket; other buckets stay. */
class BucketDeleterIT {

    private final MotoSession session = MotoSession.in(Regions.GLOBAL);
    private final S3Client s3 = session.s3();
    private final S3BucketCollector collector = new S3BucketCollector(List.of("us-east-1"));

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void emptiesAVersionedBucketOfEveryVersionAndDeleteMarkerThenDeletesIt() {
        s3.createBucket(r -> r.bucket("sandbox-bucket"));
        s3.putBucketVersioning(r -> r.bucket("sandbox-bucket").versioningConfiguration(v -> v.status("Enabled")));
        put("sandbox-bucket", "a.txt", "1");
        put("sandbox-bucket", "a.txt", "2");
        put("sandbox-bucket", "dir/b.txt", "3");
        s3.deleteObject(r -> r.bucket("sandbox-bucket").key("a.txt")); // a delete marker over two versions
        s3.createBucket(r -> r.bucket("kept-bucket"));
        put("kept-bucket", "k.txt", "kept");
        assertThat(s3.listObjectVersions(r -> r.bucket("sandbox-bucket")).deleteMarkers())
                .hasSize(1);

        CloudResource read = DriftCheck.find(collector.collect(session), "sandbox-bucket");
        assertThat(new S3BucketDeleter().delete(session, read)).isEqualTo(Deletion.DONE);

        assertThat(s3.listBuckets().buckets()).extracting(Bucket::name).containsExactly("kept-bucket");
        assertThat(s3.getObjectAsBytes(r -> r.bucket("kept-bucket").key("k.txt"))
                        .asUtf8String())
                .isEqualTo("kept");
        assertThatThrownBy(() -> new S3BucketDeleter().delete(session, read))
                .satisfies(e -> assertThat(DeleteErrors.gone(e)).as("%s", e).isTrue());
    }

    @Test
    void deletesMoreVersionsThanOneDeleteObjectsTakesInBatches() {
        s3.createBucket(r -> r.bucket("big-bucket"));
        s3.putBucketVersioning(r -> r.bucket("big-bucket").versioningConfiguration(v -> v.status("Enabled")));
        int versions = S3BucketDeleter.BATCH + 25;
        for (int i = 0; i < versions; i++) {
            put("big-bucket", "key-" + (i % 7), "v" + i);
        }

        CloudResource read = DriftCheck.find(collector.collect(session), "big-bucket");
        assertThat(new S3BucketDeleter().delete(session, read)).isEqualTo(Deletion.DONE);

        assertThat(s3.listBuckets().buckets()).isEmpty();
    }

    @Test
    void deletesABucketInAnotherRegion() {
        s3.createBucket(r -> r.bucket("eu-bucket").createBucketConfiguration(c -> c.locationConstraint("eu-west-1")));
        put("eu-bucket", "x.txt", "x");

        CloudResource read = DriftCheck.find(collector.collect(session), "eu-bucket");
        assertThat(read.attributes()).containsEntry("region", "eu-west-1");
        assertThat(new S3BucketDeleter().delete(session, read)).isEqualTo(Deletion.DONE);

        assertThat(s3.listBuckets().buckets()).isEmpty();
    }

    @Test
    void anObjectS3RefusesToDeleteFailsTheDeleteAndKeepsTheBucket() {
        s3.createBucket(r -> r.bucket("locked-bucket").objectLockEnabledForBucket(true));
        s3.putObject(
                r -> r.bucket("locked-bucket")
                        .key("held.txt")
                        .objectLockMode(ObjectLockMode.COMPLIANCE)
                        // whole seconds: moto 5.2 cannot parse the SDK's nanoseconds (a 500 on every later call)
                        .objectLockRetainUntilDate(
                                Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS)),
                RequestBody.fromString("held"));

        CloudResource read = DriftCheck.find(collector.collect(session), "locked-bucket");
        assertThatThrownBy(() -> new S3BucketDeleter().delete(session, read))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("held.txt")
                .hasMessageContaining("AccessDenied")
                .satisfies(e -> assertThat(DeleteErrors.dependency(e) || DeleteErrors.gone(e))
                        .isFalse());

        assertThat(s3.listBuckets().buckets()).extracting(Bucket::name).containsExactly("locked-bucket");
        assertThat(s3.listObjectVersions(r -> r.bucket("locked-bucket")).versions())
                .hasSize(1);
    }

    private void put(String bucket, String key, String body) {
        s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(body));
    }
}
