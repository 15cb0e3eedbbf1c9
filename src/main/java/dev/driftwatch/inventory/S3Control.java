package dev.driftwatch.inventory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

/**
 * The one S3 Control call driftwatch makes, GetPublicAccessBlock, signed with SigV4 by hand: the SDK's
 * s3control module cannot be had by the build. Unlike the SDK clients it has no retries, rate limit or
 * call counting; it is one call per account and scan, and a failure is a read gap like any other.
 */
public final class S3Control {

    /** SHA-256 of an empty body: S3 (and S3 Control) want the payload hash as a header. */
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final String region;
    private final Optional<URI> endpointOverride;

    public S3Control(SdkHttpClient http, AwsCredentialsProvider credentials, String region, Optional<URI> endpointOverride) {
        this.http = http;
        this.credentials = credentials;
        this.region = region;
        this.endpointOverride = endpointOverride;
    }

    /** The account's block, the four settings in AWS's order; empty when the account has none. */
    public record PublicAccessBlock(boolean blockPublicAcls, boolean ignorePublicAcls, boolean blockPublicPolicy,
            boolean restrictPublicBuckets) {
    }

    public Optional<PublicAccessBlock> getPublicAccessBlock(String account) {
        String path = "/v20180820/configuration/publicAccessBlock";
        // AWS names the account in the host; emulators take it from the header only, path-style
        URI uri = endpointOverride.map(e -> e.resolve(path)).orElseGet(() -> URI.create("https://" + account + ".s3-control." + region
                + ".amazonaws.com" + (Arns.partition(region).equals("aws-cn") ? ".cn" : "") + path));
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.GET).uri(uri)
                .putHeader("x-amz-account-id", account).putHeader("x-amz-content-sha256", EMPTY_SHA256).build();
        var signed = SIGNER.sign(r -> r.identity(credentials.resolveCredentials()).request(request)
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false));
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request()).build()).call();
            Document body = parse(response.responseBody().orElse(null));
            int status = response.httpResponse().statusCode();
            if (status == 200) {
                return Optional.of(new PublicAccessBlock(flag(body, "BlockPublicAcls"), flag(body, "IgnorePublicAcls"),
                        flag(body, "BlockPublicPolicy"), flag(body, "RestrictPublicBuckets")));
            }
            String code = text(body, "Code");
            if (status == 404 && code.equals("NoSuchPublicAccessBlockConfiguration")) {
                return Optional.empty();
            }
            throw AwsServiceException.builder().statusCode(status).message(text(body, "Message"))
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode(code.isEmpty() ? "HTTP " + status : code)
                            .serviceName("S3Control").errorMessage(text(body, "Message")).build())
                    .build();
        } catch (IOException e) {
            throw SdkClientException.create("S3 Control at " + uri.getHost() + " did not answer", e);
        }
    }

    private static Document parse(InputStream body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.readAllBytes();
        if (body != null) {
            body.close();
        }
        if (bytes.length == 0) {
            return null;
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new UncheckedIOException(new IOException("S3 Control answered something that is not XML: "
                    + new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.UTF_8), e));
        }
    }

    private static boolean flag(Document body, String element) {
        return Boolean.parseBoolean(text(body, element));
    }

    private static String text(Document body, String element) {
        if (body == null || body.getElementsByTagName(element).getLength() == 0) {
            return "";
        }
        return body.getElementsByTagName(element).item(0).getTextContent().trim();
    }
}
