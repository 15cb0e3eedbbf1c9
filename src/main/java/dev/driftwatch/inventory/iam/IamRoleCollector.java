package dev.driftwatch.inventory.iam;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.inventory.Tags;
import dev.driftwatch.inventory.TypedCollector;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * {@code aws_iam_role}: ListRoles per 1,000 roles (description, session duration, trust policy), joined with
 * GetAccountAuthorizationDetails(Role) per 1,000 roles for what ListRoles leaves out (tags, permissions
 * boundary): two paginated reads, no per-role call. GetRole only for a role created between the two.
 */
@ApplicationScoped
public class IamRoleCollector extends TypedCollector {

    static final String TYPE = "aws_iam_role";

    public IamRoleCollector() {
        super(TYPE, "iam", true);
    }

    @Override
    public List<CloudResource> collect(AwsSession session) {
        Map<String, RoleDetail> details = new HashMap<>();
        session.iam()
                .getAccountAuthorizationDetailsPaginator(
                        r -> r.filter(EntityType.ROLE).maxItems(IamDocuments.PAGE_SIZE))
                .roleDetailList()
                .forEach(detail -> details.put(detail.roleName(), detail));
        List<CloudResource> roles = new ArrayList<>();
        for (Role listed : session.iam()
                .listRolesPaginator(r -> r.maxItems(IamDocuments.PAGE_SIZE))
                .roles()) {
            RoleDetail detail = details.get(listed.roleName());
            if (detail != null) {
                roles.add(toResource(
                        session,
                        listed,
                        Tags.toMap(detail.tags(), Tag::key, Tag::value),
                        detail.permissionsBoundary() == null
                                ? ""
                                : detail.permissionsBoundary().permissionsBoundaryArn()));
                continue;
            }
            try {
                Role role = session.iam()
                        .getRole(r -> r.roleName(listed.roleName()))
                        .role();
                roles.add(toResource(
                        session,
                        role,
                        Tags.toMap(role.tags(), Tag::key, Tag::value),
                        role.permissionsBoundary() == null
                                ? ""
                                : role.permissionsBoundary().permissionsBoundaryArn()));
            } catch (NoSuchEntityException e) {
                // deleted since the list: no longer there
            }
        }
        return roles;
    }

    private static CloudResource toResource(AwsSession session, Role role, Map<String, Object> tags, String boundary) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("id", role.roleName());
        attributes.put("arn", role.arn());
        attributes.put("name", role.roleName());
        attributes.put("assume_role_policy", IamDocuments.policy(role.assumeRolePolicyDocument()));
        attributes.put("description", Objects.toString(role.description(), ""));
        attributes.put("max_session_duration", role.maxSessionDuration());
        attributes.put("path", role.path());
        attributes.put("permissions_boundary", Objects.toString(boundary, ""));
        attributes.put("unique_id", role.roleId());
        attributes.put("tags", tags);
        // service-linked roles are made and deleted by their AWS service
        boolean serviceLinked = role.path() != null && role.path().startsWith("/aws-service-role/");
        return new CloudResource(
                TYPE,
                role.roleName(),
                session.account(),
                session.region(),
                role.arn(),
                attributes,
                role.createDate(),
                serviceLinked);
    }
}
