package dev.driftwatch.inventory.iam;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.inventory.Tags;
import dev.driftwatch.inventory.TypedCollector;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.UserDetail;

/**
 * {@code aws_iam_user}: GetAccountAuthorizationDetails(User) per 1,000 users, which unlike ListUsers carries
 * tags and the permissions boundary: no per-user call.
 */
@ApplicationScoped
public class IamUserCollector extends TypedCollector {

    static final String TYPE = "aws_iam_user";

    public IamUserCollector() {
        super(TYPE, "iam", true);
    }

    @Override
    public List<CloudResource> collect(AwsSession session) {
        List<CloudResource> users = new ArrayList<>();
        session.iam()
                .getAccountAuthorizationDetailsPaginator(
                        r -> r.filter(EntityType.USER).maxItems(IamDocuments.PAGE_SIZE))
                .userDetailList()
                .forEach(user -> users.add(toResource(session, user)));
        return users;
    }

    private static CloudResource toResource(AwsSession session, UserDetail user) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("id", user.userName());
        attributes.put("arn", user.arn());
        attributes.put("name", user.userName());
        attributes.put("path", user.path());
        attributes.put(
                "permissions_boundary",
                user.permissionsBoundary() == null
                        ? ""
                        : user.permissionsBoundary().permissionsBoundaryArn());
        attributes.put("unique_id", user.userId());
        attributes.put("tags", Tags.toMap(user.tags(), Tag::key, Tag::value));
        return new CloudResource(
                TYPE, user.userName(), session.account(), session.region(), user.arn(), attributes, user.createDate());
    }
}
