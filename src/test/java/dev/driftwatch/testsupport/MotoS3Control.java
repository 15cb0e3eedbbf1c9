package dev.driftwatch.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Sets the account's S3 public access block in moto, as an operator would: there is no SDK S3 Control
 * client to do it with. moto takes the account from the header and does not check signatures.
 */
public final class MotoS3Control {

    private static final String PATH = "/v20180820/configuration/publicAccessBlock";
    private static final String AUTH =
            "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0";

    private MotoS3Control() {}

    public static void putPublicAccessBlock(
            boolean blockAcls, boolean ignoreAcls, boolean blockPolicy, boolean restrictBuckets) {
        String xml = "<PublicAccessBlockConfiguration xmlns=\"http://awss3control.amazonaws.com/doc/2018-08-20/\">"
                + "<BlockPublicAcls>" + blockAcls + "</BlockPublicAcls><IgnorePublicAcls>" + ignoreAcls
                + "</IgnorePublicAcls>"
                + "<BlockPublicPolicy>" + blockPolicy + "</BlockPublicPolicy><RestrictPublicBuckets>" + restrictBuckets
                + "</RestrictPublicBuckets></PublicAccessBlockConfiguration>";
        send(HttpRequest.newBuilder(URI.create(Moto.URL + PATH))
                .header("Content-Type", "application/xml")
                .PUT(HttpRequest.BodyPublishers.ofString(xml)));
    }

    public static void deletePublicAccessBlock() {
        send(HttpRequest.newBuilder(URI.create(Moto.URL + PATH)).DELETE());
    }

    private static void send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            request.header("x-amz-account-id", Moto.ACCOUNT)
                                    .header("Authorization", AUTH)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(
                        "moto S3 Control answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
