package dev.driftwatch.drift;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * {@code aws_iam_account_password_policy}: an account without a policy is collected with only its id, so
 * the attributes are fixed here: a policy deleted by hand then differs on every setting.
 */
@ApplicationScoped
public class IamAccountPasswordPolicyNormaliser extends FixedAttributesNormaliser {

    public IamAccountPasswordPolicyNormaliser() {
        super(
                "aws_iam_account_password_policy",
                List.of(
                        "id",
                        "allow_users_to_change_password",
                        "expire_passwords",
                        "hard_expiry",
                        "max_password_age",
                        "minimum_password_length",
                        "password_reuse_prevention",
                        "require_lowercase_characters",
                        "require_numbers",
                        "require_symbols",
                        "require_uppercase_characters"));
    }
}
