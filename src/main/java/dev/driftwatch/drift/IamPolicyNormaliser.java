package dev.driftwatch.drift;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** {@code aws_iam_policy}: the default version's document compared as JSON. */
@ApplicationScoped
public class IamPolicyNormaliser extends FixedAttributesNormaliser {

    public IamPolicyNormaliser() {
        super("aws_iam_policy", List.of("id", "arn", "name", "path", "description", "policy", "tags"), "policy");
    }
}
