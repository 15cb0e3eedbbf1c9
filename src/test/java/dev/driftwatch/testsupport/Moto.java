package dev.driftwatch.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The moto AWS emulator the tests run against (started by bin/test or .ci/run on 127.0.0.1). Tests that
 * need it fail, never skip, when it is not there.
 */
public final class Moto {

    public static final String URL = System.getenv().getOrDefault("MOTO_URL", "http://127.0.0.1:5000");
    /** The account moto serves calls from by default. */
    public static final String ACCOUNT = "123456789012";

    private Moto() {}

    /** Forgets every resource, so each test starts from moto's empty estate. */
    public static void reset() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(URL + "/moto-api/reset"))
                                    .POST(HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("moto reset answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException(
                    "moto is not reachable at " + URL + " (start it with bin/test or moto_server)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An EC2 client of the test's own, as an operator changing things out of band would use. */
    public static Ec2Client ec2(String region) {
        return Ec2Client.builder()
                .region(Region.of(region))
                .endpointOverride(URI.create(URL))
                .httpClient(Apache5HttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    /** An EC2 client in another account: moto serves calls made with a role assumed there from that account. */
    public static Ec2Client ec2(String region, String account) {
        return Ec2Client.builder()
                .region(Region.of(region))
                .endpointOverride(URI.create(URL))
                .httpClient(Apache5HttpClient.create())
                .credentialsProvider(inAccount(account))
                .build();
    }

    /** An IAM client in moto's default account. */
    public static IamClient iam() {
        return IamClient.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(URI.create(URL))
                .httpClient(Apache5HttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    /** An IAM client in another account, as {@link #ec2(String, String)}. */
    public static IamClient iam(String account) {
        return IamClient.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(URI.create(URL))
                .httpClient(Apache5HttpClient.create())
                .credentialsProvider(inAccount(account))
                .build();
    }

    /**
     * Any service's client in another account, in us-east-1, e.g. {@code Moto.in(account, SqsClient.builder())}
     * (S3: path-style addressing is the builder's to set).
     */
    public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C in(String account, B builder) {
        return builder.region(Region.US_EAST_1)
                .endpointOverride(URI.create(URL))
                .httpClient(Apache5HttpClient.create())
                .credentialsProvider(inAccount(account))
                .build();
    }

    private static StaticCredentialsProvider inAccount(String account) {
        try (StsClient sts = StsClient.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(URI.create(URL))
                .httpClient(Apache5HttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build()) {
            Credentials c = sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + account + ":role/test-operator")
                            .roleSessionName("test"))
                    .credentials();
            return StaticCredentialsProvider.create(
                    AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
        }
    }
}
