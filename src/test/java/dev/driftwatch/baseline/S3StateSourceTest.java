package dev.driftwatch.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoAws;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The S3 backend against moto: a state bucket in another account (222233334444) than the scanned ones,
 * laid out as Terraform's S3 backend writes it, read through the source's own role.
 */
class S3StateSourceTest {

    private static final String STATE_ACCOUNT = "222233334444";
    private static final String ROLE = "arn:aws:iam::" + STATE_ACCOUNT + ":role/terraform-state-reader";
    private static final String BUCKET = "acme-terraform-states";
    private static S3Client owner;

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private List<StateSource> sources = List.of();

    /** The bucket and its states, written with the state account's own credentials. */
    @BeforeAll
    static void stateBucket() {
        Moto.reset();
        owner = s3In(STATE_ACCOUNT);
        owner.createBucket(r -> r.bucket(BUCKET));
        put("network/terraform.tfstate", States.groups(3, "lin-net", "sg-default"));
        put("env:/staging/network/terraform.tfstate", States.groups(1, "lin-stg", "sg-staging"));
        put("env:/dev/network/terraform.tfstate", States.groups(1, "lin-dev", "sg-dev"));
        put("apps/a.tfstate", States.groups(1, "lin-a", "sg-a"));
        put("apps/web/b.tfstate", States.groups(1, "lin-b", "sg-b"));
        put("apps/README.md", "# not a state");
        put("broken/invalid.tfstate", "{\"version\": 4, \"resources\": [,]}");
    }

    @AfterEach
    void closeSources() {
        sources.forEach(StateSource::close);
    }

    @Test
    void aKeyWithNamedWorkspacesReadsEachWorkspaceState() {
        BaselineSnapshot snapshot = load(Map.of("key", "network/terraform.tfstate", "workspaces", "staging"));

        assertThat(snapshot.errors()).isEmpty();
        assertThat(snapshot.resources())
                .extracting(r -> r.resource().id(), ExpectedResource::stateFile)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "sg-default", "s3://" + BUCKET + "/network/terraform.tfstate"),
                        org.assertj.core.groups.Tuple.tuple(
                                "sg-staging", "s3://" + BUCKET + "/env:/staging/network/terraform.tfstate"));
    }

    @Test
    void everyWorkspaceFoundWithAStar() {
        BaselineSnapshot snapshot = load(Map.of("key", "network/terraform.tfstate", "workspaces", "*"));

        assertThat(ids(snapshot)).containsExactlyInAnyOrder("sg-default", "sg-staging", "sg-dev");
    }

    @Test
    void aPrefixReadsEveryStateBelowIt() {
        BaselineSnapshot snapshot = load(Map.of("prefix", "apps/"));

        assertThat(snapshot.errors()).isEmpty();
        assertThat(ids(snapshot)).containsExactlyInAnyOrder("sg-a", "sg-b");
    }

    @Test
    void anUnchangedObjectIsNotDownloadedNorParsedAgainAndAChangedOneIs() {
        BaselineReader reader = reader(Map.of("key", "network/terraform.tfstate"));
        reader.load();
        assertThat(ids(reader.load())).containsExactly("sg-default");
        assertThat(reads("parsed")).isEqualTo(1);
        assertThat(reads("unchanged")).isEqualTo(1);

        put("network/terraform.tfstate", States.groups(4, "lin-net", "sg-default", "sg-new"));
        try {
            assertThat(ids(reader.load())).containsExactly("sg-default", "sg-new");
            assertThat(reads("parsed")).isEqualTo(2);
        } finally {
            put("network/terraform.tfstate", States.groups(3, "lin-net", "sg-default"));
        }
    }

    @Test
    void listedStatesAreComparedByTheListingsETag() {
        BaselineReader reader = reader(Map.of("prefix", "apps/"));
        reader.load();
        reader.load();

        assertThat(reads("parsed")).isEqualTo(2);
        assertThat(reads("unchanged")).isEqualTo(2);
    }

    @Test
    void badObjectsAreNamedAndTheOthersStillRead() {
        BaselineSnapshot missingKey = load(Map.of("key", "nowhere/terraform.tfstate"));
        assertThat(missingKey.errors()).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo("s3://" + BUCKET + "/nowhere/terraform.tfstate");
            assertThat(e.problem()).startsWith("not found (HTTP 404 NoSuchKey)");
        });

        BaselineSnapshot invalid = load(Map.of("prefix", "broken/"));
        assertThat(invalid.failedSources()).containsExactly("s3://" + BUCKET + "/broken/invalid.tfstate");
        assertThat(invalid.errors().get(0).problem()).startsWith("invalid JSON at line 1");
    }

    @Test
    void aMissingBucketFailsTheListingNamingIt() {
        Map<String, String> props = properties(Map.of("prefix", "apps/"));
        props.put("driftwatch.baseline.s3.\"states\".bucket", "no-such-bucket");

        BaselineSnapshot snapshot = load(props);

        assertThat(snapshot.failedSources()).containsExactly("s3://no-such-bucket/apps/");
        assertThat(snapshot.errors().get(0).problem()).startsWith("bucket not found (HTTP 404)");
    }

    /** Its states are unread this round, not gone: their findings must be neither resolved nor MISSING. */
    @Test
    void whenAListingFailsAfterAGoodRoundTheStatesItHadAreFailedSources() {
        owner.createBucket(r -> r.bucket("short-lived-states"));
        owner.putObject(
                r -> r.bucket("short-lived-states").key("apps/x.tfstate"),
                RequestBody.fromString(States.groups(1, "l", "sg-x")));
        Map<String, String> props = properties(Map.of("prefix", "apps/"));
        props.put("driftwatch.baseline.s3.\"states\".bucket", "short-lived-states");
        BaselineReader reader = reader(props);
        assertThat(ids(reader.load())).containsExactly("sg-x");

        owner.deleteObject(r -> r.bucket("short-lived-states").key("apps/x.tfstate"));
        owner.deleteBucket(r -> r.bucket("short-lived-states"));
        BaselineSnapshot after = reader.load();

        assertThat(after.resources()).isEmpty();
        assertThat(after.complete()).isFalse();
        assertThat(after.failedSources())
                .containsExactly("s3://short-lived-states/apps/", "s3://short-lived-states/apps/x.tfstate");
    }

    @Test
    void anUnreachableStsMeansNoCredentialsNotAnEmptyState() {
        Map<String, String> props = properties(Map.of("key", "network/terraform.tfstate"));
        props.put("driftwatch.baseline.s3.\"states\".sts-endpoint", "http://127.0.0.1:1");

        BaselineSnapshot snapshot = load(props);

        assertThat(snapshot.resources()).isEmpty();
        assertThat(snapshot.complete()).isFalse();
        assertThat(snapshot.errors().get(0).problem()).startsWith("cannot get the source's credentials");
    }

    @Test
    void anUnreachableEndpointIsAFailedSource() {
        Map<String, String> props = properties(Map.of("prefix", "apps/"));
        props.put("driftwatch.baseline.s3.\"states\".endpoint", "http://127.0.0.1:1");
        props.remove("driftwatch.baseline.s3.\"states\".role-arn");
        props.remove("driftwatch.baseline.s3.\"states\".external-id");

        BaselineSnapshot snapshot = load(props);

        assertThat(snapshot.failedSources()).containsExactly("s3://" + BUCKET + "/apps/");
        assertThat(snapshot.errors().get(0).problem()).startsWith("S3 unreachable");
    }

    @Test
    void aPrefixWithNoStateIsAnErrorOfTheSourceNotAnEmptyBaseline() {
        BaselineSnapshot snapshot = load(Map.of("prefix", "nothing-here/", "workspaces", "staging"));

        assertThat(snapshot.complete()).isFalse();
        assertThat(snapshot.errors()).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo("s3.states");
            assertThat(e.problem())
                    .isEqualTo("no state found (no *.tfstate below s3://" + BUCKET
                            + "/nothing-here/ in workspaces staging):" + " its resources are unknown, not unmanaged");
        });
    }

    @Test
    void everyRequestSaysWhichAccountMustOwnTheBucketAndAnotherOwnerIsRefused() {
        try (BucketOwnerFront s3 = new BucketOwnerFront(STATE_ACCOUNT)) {
            Map<String, String> props = properties(Map.of("prefix", "apps/"));
            props.put("driftwatch.baseline.s3.\"states\".endpoint", s3.url());
            BaselineReader reader = reader(props);

            assertThat(ids(reader.load())).containsExactlyInAnyOrder("sg-a", "sg-b");
            assertThat(s3.seen).hasSizeGreaterThanOrEqualTo(3).allSatisfy(r -> assertThat(r.expectedOwner())
                    .isEqualTo(STATE_ACCOUNT));

            // The same bucket name, configured as owned by another account: S3 refuses, the source fails.
            props.put("driftwatch.baseline.s3.\"states\".expected-bucket-owner", "999988887777");
            BaselineSnapshot elsewhere = reader(props).load();
            assertThat(elsewhere.resources()).isEmpty();
            assertThat(elsewhere.complete()).isFalse();
            assertThat(elsewhere.errors()).singleElement().satisfies(e -> {
                assertThat(e.source()).isEqualTo("s3://" + BUCKET + "/apps/");
                assertThat(e.problem())
                        .isEqualTo("access denied (HTTP 403 AccessDenied): the source's credentials may not read it,"
                                + " or the bucket is not owned by account 999988887777 (expected-bucket-owner)");
            });
        }
    }

    @Test
    void withoutARoleTheOwnerIsTheAccountOfTheSourcesCredentials() {
        try (BucketOwnerFront s3 = new BucketOwnerFront(STATE_ACCOUNT)) {
            Map<String, String> props = properties(Map.of("key", "network/terraform.tfstate"));
            props.put("driftwatch.baseline.s3.\"states\".endpoint", s3.url());
            props.remove("driftwatch.baseline.s3.\"states\".role-arn");
            props.remove("driftwatch.baseline.s3.\"states\".external-id");
            props.remove("driftwatch.baseline.s3.\"states\".expected-bucket-owner");

            BaselineSnapshot snapshot = reader(props).load();

            // moto's account for plain keys is not the bucket's: the read is refused rather than trusted.
            assertThat(s3.seen).singleElement().satisfies(r -> assertThat(r.expectedOwner())
                    .isEqualTo(Moto.ACCOUNT));
            assertThat(snapshot.errors()).singleElement().satisfies(e -> assertThat(e.problem())
                    .startsWith("access denied (HTTP 403 AccessDenied)")
                    .endsWith("not owned by account " + Moto.ACCOUNT + " (expected-bucket-owner)"));
        }
    }

    @Test
    void aStalledEndpointFailsTheSourceWithinTheCallTimeout() throws Exception {
        try (java.net.ServerSocket silent =
                new java.net.ServerSocket(0, 10, java.net.InetAddress.getByName("127.0.0.1"))) {
            Map<String, String> props = properties(Map.of("key", "network/terraform.tfstate"));
            props.put("driftwatch.baseline.s3.\"states\".endpoint", "http://127.0.0.1:" + silent.getLocalPort());
            props.put("driftwatch.baseline.s3.\"states\".api-call-timeout", "1s");
            props.put("driftwatch.baseline.s3.\"states\".api-call-attempt-timeout", "500ms");
            BaselineReader reader = reader(props);

            long started = System.nanoTime();
            BaselineSnapshot snapshot = reader.load();

            assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(10_000);
            assertThat(snapshot.complete()).isFalse();
            assertThat(snapshot.errors()).singleElement().satisfies(e -> assertThat(e.problem())
                    .startsWith("no answer in time (api-call-timeout, api-call-attempt-timeout)"));
        }
    }

    private BaselineSnapshot load(Map<String, String> settings) {
        return reader(settings).load();
    }

    private BaselineReader reader(Map<String, String> settings) {
        Map<String, String> props =
                settings.containsKey("driftwatch.baseline.s3.\"states\".bucket") ? settings : properties(settings);
        sources = StateSources.from(BaselineConfigs.of(props), MotoAws.sharedClients());
        return new BaselineReader(sources, new ObjectMapper(), metrics);
    }

    /** The source as an operator configures it: the bucket's account's role, assumed with the service's keys. */
    private static Map<String, String> properties(Map<String, String> settings) {
        Map<String, String> props = new HashMap<>();
        String source = "driftwatch.baseline.s3.\"states\".";
        props.put(source + "bucket", BUCKET);
        props.put(source + "region", "eu-central-1");
        props.put(source + "endpoint", Moto.URL);
        props.put(source + "sts-endpoint", Moto.URL);
        props.put(source + "role-arn", ROLE);
        props.put(source + "expected-bucket-owner", STATE_ACCOUNT);
        props.put(source + "external-id", "driftwatch-states");
        props.put(source + "access-key-id", "service-key");
        props.put(source + "secret-access-key", "service-secret");
        settings.forEach((k, v) -> props.put(source + k, v));
        return props;
    }

    private static void put(String key, String body) {
        owner.putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromString(body));
    }

    private static S3Client s3In(String account) {
        try (StsClient sts = StsClient.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(URI.create(Moto.URL))
                .httpClient(Apache5HttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build()) {
            Credentials c = sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + account + ":role/state-owner")
                            .roleSessionName("test"))
                    .credentials();
            return S3Client.builder()
                    .region(Region.EU_CENTRAL_1)
                    .endpointOverride(URI.create(Moto.URL))
                    .forcePathStyle(true)
                    .httpClient(Apache5HttpClient.create())
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken())))
                    .build();
        }
    }

    private double reads(String outcome) {
        var counter = metrics.find("driftwatch.state.reads")
                .tags("source", "s3.states", "outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static List<String> ids(BaselineSnapshot snapshot) {
        return snapshot.resources().stream().map(r -> r.resource().id()).toList();
    }
}
