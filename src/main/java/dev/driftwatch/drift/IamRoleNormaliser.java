package dev.driftwatch.drift;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** {@code aws_iam_role}: the trust policy compared as JSON; service-linked roles belong to AWS. */
@ApplicationScoped
public class IamRoleNormaliser extends FixedAttributesNormaliser {

    public IamRoleNormaliser() {
        super(
                "aws_iam_role",
                List.of(
                        "id",
                        "arn",
                        "name",
                        "assume_role_policy",
                        "description",
                        "max_session_duration",
                        "path",
                        "permissions_boundary",
                        "unique_id",
                        "tags"),
                "assume_role_policy");
    }
}
