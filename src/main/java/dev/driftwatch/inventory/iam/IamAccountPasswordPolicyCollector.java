package dev.driftwatch.inventory.iam;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.inventory.TypedCollector;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PasswordPolicy;

/**
 * {@code aws_iam_account_password_policy}: one GetAccountPasswordPolicy call. An account without a policy
 * still gets the resource, with only its id and AWS-managed, so that policies can say "no password policy"
 * (drift still sees a deleted one: see drift.IamAccountPasswordPolicyNormaliser).
 */
@ApplicationScoped
public class IamAccountPasswordPolicyCollector extends TypedCollector {

    static final String TYPE = "aws_iam_account_password_policy";
    /** The id the provider stores: there is one policy per account. */
    static final String ID = "iam-account-password-policy";

    public IamAccountPasswordPolicyCollector() {
        super(TYPE, "iam", true);
    }

    @Override
    public List<CloudResource> collect(AwsSession session) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("id", ID);
        try {
            put(attributes, session.iam().getAccountPasswordPolicy(r -> {}).passwordPolicy());
        } catch (NoSuchEntityException e) {
            return List.of(
                    new CloudResource(TYPE, ID, session.account(), session.region(), null, attributes, null, true));
        }
        return List.of(new CloudResource(TYPE, ID, session.account(), session.region(), null, attributes, null));
    }

    /** As the provider reads it: unset numbers as 0, unset flags as false. */
    private static void put(Map<String, Object> a, PasswordPolicy p) {
        a.put("allow_users_to_change_password", Boolean.TRUE.equals(p.allowUsersToChangePassword()));
        a.put("expire_passwords", Boolean.TRUE.equals(p.expirePasswords()));
        a.put("hard_expiry", Boolean.TRUE.equals(p.hardExpiry()));
        a.put("max_password_age", p.maxPasswordAge() == null ? 0 : p.maxPasswordAge());
        a.put("minimum_password_length", p.minimumPasswordLength() == null ? 0 : p.minimumPasswordLength());
        a.put("password_reuse_prevention", p.passwordReusePrevention() == null ? 0 : p.passwordReusePrevention());
        a.put("require_lowercase_characters", Boolean.TRUE.equals(p.requireLowercaseCharacters()));
        a.put("require_numbers", Boolean.TRUE.equals(p.requireNumbers()));
        a.put("require_symbols", Boolean.TRUE.equals(p.requireSymbols()));
        a.put("require_uppercase_characters", Boolean.TRUE.equals(p.requireUppercaseCharacters()));
    }
}
