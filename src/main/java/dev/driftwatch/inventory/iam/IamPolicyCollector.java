package dev.driftwatch.inventory.iam;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.inventory.ResourceReads;
import dev.driftwatch.inventory.Tags;
import dev.driftwatch.inventory.TypedCollector;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * {@code aws_iam_policy}, customer-managed policies only: GetAccountAuthorizationDetails(LocalManagedPolicy)
 * per 1,000 policies gives description and the default version's document (ListPolicies has neither);
 * ListPolicyTags per policy, as no listing carries policy tags.
 */
@ApplicationScoped
public class IamPolicyCollector extends TypedCollector {

    static final String TYPE = "aws_iam_policy";

    public IamPolicyCollector() {
        super(TYPE, "iam", true);
    }

    @Override
    public List<CloudResource> collect(AwsSession session) {
        List<ManagedPolicyDetail> listed = session
                .iam()
                .getAccountAuthorizationDetailsPaginator(
                        r -> r.filter(EntityType.LOCAL_MANAGED_POLICY).maxItems(IamDocuments.PAGE_SIZE))
                .policies()
                .stream()
                .toList();
        return ResourceReads.each(session, this, listed, ManagedPolicyDetail::arn, policy -> {
            try {
                List<Tag> tags = session
                        .iam()
                        .listPolicyTagsPaginator(r -> r.policyArn(policy.arn()).maxItems(IamDocuments.PAGE_SIZE))
                        .tags()
                        .stream()
                        .toList();
                return Optional.of(toResource(session, policy, Tags.toMap(tags, Tag::key, Tag::value)));
            } catch (NoSuchEntityException e) {
                return Optional.empty(); // deleted since the list: no longer there
            }
        });
    }

    private static CloudResource toResource(AwsSession session, ManagedPolicyDetail policy, Map<String, Object> tags) {
        String document = policy.policyVersionList().stream()
                .filter(v -> Boolean.TRUE.equals(v.isDefaultVersion())
                        || Objects.equals(v.versionId(), policy.defaultVersionId()))
                .findFirst()
                .map(PolicyVersion::document)
                .orElse(null);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("id", policy.arn());
        attributes.put("arn", policy.arn());
        attributes.put("name", name(policy));
        attributes.put("path", policy.path());
        attributes.put("description", Objects.toString(policy.description(), ""));
        attributes.put("policy", IamDocuments.policy(document));
        attributes.put("tags", tags);
        return new CloudResource(
                TYPE, policy.arn(), session.account(), session.region(), policy.arn(), attributes, policy.createDate());
    }

    /** The name, from the ARN ({@code ...:policy/path/name}) when the answer leaves it out (moto does). */
    private static String name(ManagedPolicyDetail policy) {
        return policy.policyName() != null
                ? policy.policyName()
                : policy.arn().substring(policy.arn().lastIndexOf('/') + 1);
    }
}
