package dev.driftwatch.inventory.iam;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.inventory.TypedCollector;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;

/**
 * {@code aws_iam_access_key}: ListUsers per 1,000 users, then ListAccessKeys per user (IAM lists keys only
 * per user; the credential report has no key ids). Secrets are never read; createdAt = CreateDate.
 */
@ApplicationScoped
public class IamAccessKeyCollector extends TypedCollector {

    static final String TYPE = "aws_iam_access_key";

    public IamAccessKeyCollector() {
        super(TYPE, "iam", true);
    }

    @Override
    public List<CloudResource> collect(AwsSession session) {
        List<CloudResource> keys = new ArrayList<>();
        session.iam()
                .listUsersPaginator(r -> r.maxItems(IamDocuments.PAGE_SIZE))
                .users()
                .forEach(user -> session.iam()
                        .listAccessKeysPaginator(
                                r -> r.userName(user.userName()).maxItems(IamDocuments.PAGE_SIZE))
                        .accessKeyMetadata()
                        .forEach(key -> keys.add(toResource(session, key))));
        return keys;
    }

    private static CloudResource toResource(AwsSession session, AccessKeyMetadata key) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("id", key.accessKeyId());
        attributes.put("user", key.userName());
        attributes.put("status", key.statusAsString());
        // RFC 3339 to the second, as the provider writes it
        attributes.put(
                "create_date",
                key.createDate() == null
                        ? ""
                        : DateTimeFormatter.ISO_INSTANT.format(key.createDate().truncatedTo(ChronoUnit.SECONDS)));
        return new CloudResource(
                TYPE, key.accessKeyId(), session.account(), session.region(), null, attributes, key.createDate());
    }
}
