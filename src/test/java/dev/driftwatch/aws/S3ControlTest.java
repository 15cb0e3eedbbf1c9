package dev.driftwatch.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftwatch.inventory.ReadFailures;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;

/**
 * What goes on the wire to AWS's own S3 Control (moto checks neither host nor signature), and how answers are read:
 * the SDK's client over an HTTP client that answers as S3 Control would.
 */
class S3ControlTest {

    private final AtomicReference<SdkHttpRequest> sent = new AtomicReference<>();

    @Test
    void callsTheAccountsHostSignedForS3() {
        S3Control control = control(
                200,
                "<PublicAccessBlockConfiguration><BlockPublicAcls>true</BlockPublicAcls>"
                        + "<IgnorePublicAcls>false</IgnorePublicAcls><BlockPublicPolicy>true</BlockPublicPolicy>"
                        + "<RestrictPublicBuckets>true</RestrictPublicBuckets></PublicAccessBlockConfiguration>");

        assertThat(control.getPublicAccessBlock("123456789012"))
                .contains(new S3Control.PublicAccessBlock(true, false, true, true));
        SdkHttpRequest request = sent.get();
        assertThat(request.getUri().toString())
                .isEqualTo(
                        "https://123456789012.s3-control.us-east-1.amazonaws.com/v20180820/configuration/publicAccessBlock");
        assertThat(request.firstMatchingHeader("x-amz-account-id")).contains("123456789012");
        assertThat(request.firstMatchingHeader("Authorization")).hasValueSatisfying(auth -> assertThat(auth)
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                .contains("/us-east-1/s3/aws4_request")
                .containsPattern("SignedHeaders=[a-z;-]*host;x-amz-account-id;x-amz-content-sha256;x-amz-date"));
    }

    @Test
    void noBlockIsEmptyAndARefusalIsAnAwsError() {
        assertThat(control(
                                404,
                                "<ErrorResponse><Error><Code>NoSuchPublicAccessBlockConfiguration</Code></Error></ErrorResponse>")
                        .getPublicAccessBlock("123456789012"))
                .isEmpty();
        assertThatThrownBy(() -> control(
                                403,
                                "<ErrorResponse><Error><Code>AccessDenied</Code><Message>no</Message></Error></ErrorResponse>")
                        .getPublicAccessBlock("123456789012"))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(ReadFailures.describe(e)).isEqualTo("AWS refused the call: AccessDenied (HTTP 403)");
                });
    }

    private S3Control control(int status, String body) {
        SdkHttpClient http = new SdkHttpClient() {
            @Override
            public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                sent.set(request.httpRequest());
                return new ExecutableHttpRequest() {
                    @Override
                    public HttpExecuteResponse call() {
                        return HttpExecuteResponse.builder()
                                .response(SdkHttpResponse.builder()
                                        .statusCode(status)
                                        .build())
                                .responseBody(AbortableInputStream.create(
                                        new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                                .build();
                    }

                    @Override
                    public void abort() {}
                };
            }

            @Override
            public void close() {}
        };
        return new S3Control(S3Control.builder(Optional.empty())
                .region(Region.US_EAST_1)
                .httpClient(http)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                .build());
    }
}
