package dev.driftwatch.inventory.iam;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.inventory.TypedCollector;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.RoleDetail;

/**
 * {@code aws_iam_role_policy_attachment}: one per managed policy attached to a role, with the id the provider
 * gives an imported attachment ({@code <role>-<policy_arn>}). GetAccountAuthorizationDetails(Role) per 1,000
 * roles lists every role's attached policies, so no per-role ListAttachedRolePolicies is needed.
 * Service-linked roles are left out: AWS attaches their policies and nobody can change them.
 */
@ApplicationScoped
public class IamRolePolicyAttachmentCollector extends TypedCollector {

    static final String TYPE = "aws_iam_role_policy_attachment";

    public IamRolePolicyAttachmentCollector() {
        super(TYPE, "iam", true);
    }

    @Override
    public List<CloudResource> collect(AwsSession session) {
        List<CloudResource> attachments = new ArrayList<>();
        for (RoleDetail role : session.iam()
                .getAccountAuthorizationDetailsPaginator(
                        r -> r.filter(EntityType.ROLE).maxItems(IamDocuments.PAGE_SIZE))
                .roleDetailList()) {
            if (role.path() != null && role.path().startsWith("/aws-service-role/")) {
                continue;
            }
            for (AttachedPolicy policy : role.attachedManagedPolicies()) {
                attachments.add(toResource(session, role.roleName(), policy.policyArn()));
            }
        }
        return attachments;
    }

    static String id(String role, String policyArn) {
        return role + "-" + policyArn;
    }

    private static CloudResource toResource(AwsSession session, String role, String policyArn) {
        // No "id" attribute: a state holds the random id Terraform gave the attachment when it created it.
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("role", role);
        attributes.put("policy_arn", policyArn);
        return new CloudResource(
                TYPE, id(role, policyArn), session.account(), session.region(), null, attributes, null);
    }
}
