package dev.driftwatch.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Terraform's S3 backend: one key or every state below a prefix, with workspaces, read with the source's
 * own S3 client (its credentials, region and endpoint). A listed state's ETag comes with the listing; a
 * single key is fetched with {@code If-None-Match}, so an unchanged state costs one request and no download.
 */
final class S3StateSource implements StateSource {

    private final String label;
    private final S3Client s3;
    private final String bucket;
    private final S3Keys keys;
    private final StateLocations locations;
    private final List<AutoCloseable> alsoClose;
    private final BucketOwner owner;

    S3StateSource(
            String label,
            S3Client s3,
            List<AutoCloseable> alsoClose,
            String bucket,
            BucketOwner owner,
            S3Keys keys,
            StateLocations locations) {
        this.label = label;
        this.owner = owner;
        this.s3 = s3;
        this.alsoClose = alsoClose;
        this.bucket = bucket;
        this.keys = keys;
        this.locations = locations;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public StateLocations locations() {
        return locations;
    }

    @Override
    public String lookedFor() {
        String where = keys.key() != null
                ? "s3://" + bucket + "/" + keys.key()
                : "*.tfstate below s3://" + bucket + "/" + keys.prefix();
        return "no " + where
                + (keys.workspaces().isEmpty() ? "" : " in workspaces " + String.join(",", keys.workspaces()));
    }

    @Override
    public List<StateObject> states() throws StateFileException {
        List<StateObject> states = new ArrayList<>();
        if (keys.key() != null) {
            states.add(new S3State(keys.key(), null));
            for (String workspace : keys.workspaces()) {
                if (!workspace.equals(S3Keys.EVERY_WORKSPACE)) {
                    states.add(new S3State(keys.inWorkspace(workspace, keys.key()), null));
                }
            }
        } else {
            listed(keys.prefix(), S3Keys::isState, states);
            for (String workspace : keys.workspaces()) {
                if (!workspace.equals(S3Keys.EVERY_WORKSPACE)) {
                    listed(keys.inWorkspace(workspace, keys.prefix()), S3Keys::isState, states);
                }
            }
        }
        if (keys.everyWorkspace()) {
            listed(keys.workspaceRoot(), keys::wantedWorkspaceKey, states);
        }
        return states;
    }

    private void listed(String prefix, Predicate<String> wanted, List<StateObject> into) throws StateFileException {
        String expectedOwner = owner.account();
        try {
            for (S3Object object : s3.listObjectsV2Paginator(
                            r -> r.bucket(bucket).prefix(prefix).expectedBucketOwner(expectedOwner))
                    .contents()) {
                boolean workspaceCopy =
                        !prefix.startsWith(keys.workspaceRoot()) && object.key().startsWith(keys.workspaceRoot());
                if (wanted.test(object.key()) && !workspaceCopy) {
                    into.add(new S3State(object.key(), object.eTag()));
                }
            }
        } catch (SdkException e) {
            throw new StateFileException(
                    "s3://" + bucket + "/" + prefix, problem(e, "cannot be listed", expectedOwner));
        }
    }

    /** One key; {@code listedETag} is the ETag the listing gave, or null to ask S3 with a conditional GET. */
    private final class S3State implements StateObject {

        private final String key;
        private final String listedETag;

        S3State(String key, String listedETag) {
            this.key = key;
            this.listedETag = listedETag;
        }

        @Override
        public String name() {
            return "s3://" + bucket + "/" + key;
        }

        @Override
        public Optional<Download> openIfChanged(String knownVersion) throws StateFileException {
            if (listedETag != null && listedETag.equals(knownVersion)) {
                return Optional.empty();
            }
            String expectedOwner = owner.account();
            try {
                ResponseInputStream<GetObjectResponse> body = s3.getObject(r -> {
                    r.bucket(bucket).key(key).expectedBucketOwner(expectedOwner);
                    if (knownVersion != null) {
                        r.ifNoneMatch(knownVersion);
                    }
                });
                long length = body.response().contentLength() == null
                        ? -1
                        : body.response().contentLength();
                return Optional.of(new Download(body.response().eTag(), new CompleteDownload(body, length)));
            } catch (S3Exception e) {
                if (e.statusCode() == 304) {
                    return Optional.empty();
                }
                throw new StateFileException(name(), problem(e, "cannot be read", expectedOwner));
            } catch (SdkException e) {
                throw new StateFileException(name(), problem(e, "cannot be read", expectedOwner));
            }
        }
    }

    /** What went wrong, in words that point at the fix; never the credentials. */
    private static String problem(SdkException e, String what, String expectedOwner) {
        if (e instanceof S3Exception s3e) {
            String code =
                    s3e.awsErrorDetails() == null ? "" : s3e.awsErrorDetails().errorCode();
            return switch (s3e.statusCode()) {
                case 403 ->
                    "access denied (HTTP 403 " + code
                            + "): the source's credentials may not read it, or the bucket is not" + " owned by account "
                            + expectedOwner + " (expected-bucket-owner)";
                case 404 ->
                    "NoSuchBucket".equals(code) ? "bucket not found (HTTP 404)" : "not found (HTTP 404 " + code + ")";
                default -> what + ": HTTP " + s3e.statusCode() + " " + code;
            };
        }
        String message = String.valueOf(e.getMessage());
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return "no answer in time (api-call-timeout, api-call-attempt-timeout): " + message;
        }
        if (message.contains(S3Clients.NO_CREDENTIALS)) {
            return message.substring(message.indexOf(S3Clients.NO_CREDENTIALS));
        }
        if (e instanceof SdkClientException && message.contains("credentials")) {
            return S3Clients.NO_CREDENTIALS + message;
        }
        if (e instanceof SdkClientException) {
            return "S3 unreachable: " + e.getMessage();
        }
        return what + ": " + e.getMessage();
    }

    @Override
    public void close() {
        s3.close();
        for (AutoCloseable resource : alsoClose) {
            try {
                resource.close();
            } catch (Exception e) {
                // shutting down: nothing more to do with it
            }
        }
    }
}
