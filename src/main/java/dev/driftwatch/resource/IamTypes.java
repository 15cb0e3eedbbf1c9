package dev.driftwatch.resource;

import static dev.driftwatch.resource.ApiCall.each;
import static dev.driftwatch.resource.ApiCall.list;
import static dev.driftwatch.resource.ApiCall.once;
import static dev.driftwatch.resource.ResourceTypeDescriptor.builder;
import static dev.driftwatch.resource.Scope.ACCOUNT_LEVEL;
import static dev.driftwatch.resource.Scope.GLOBAL;

import java.util.List;

/** IAM (global): names are ids, except a policy (its ARN) and an attachment; and the account's IAM settings. */
final class IamTypes {

    private static final String DETAILS = "GetAccountAuthorizationDetails";

    static final List<ResourceTypeDescriptor> ALL = List.of(
            builder("aws_iam_role", "iam", GLOBAL)
                    .sweptAfter("aws_iam_instance_profile", "aws_lambda_function")
                    .created()
                    .awsManaged(AwsManaged.SOME)
                    .calls(
                            list("iam", "ListRoles", 1000),
                            list("iam", DETAILS, 1000).of(DETAILS + "(Role)").shared(2))
                    .doc(
                            "role name",
                            "assume_role_policy (canonical JSON), description, max_session_duration, path,"
                                    + " permissions_boundary, unique_id, arn, tags",
                            "– (GetAccountAuthorizationDetails)")
                    .build(),
            builder("aws_iam_user", "iam", GLOBAL)
                    .sweptAfter()
                    .created()
                    .calls(list("iam", DETAILS, 1000).of(DETAILS + "(User)"))
                    .doc("user name", "path, permissions_boundary, unique_id, arn, tags", "–")
                    .build(),
            builder("aws_iam_policy", "iam", GLOBAL)
                    .sweptAfter("aws_iam_role", "aws_iam_user")
                    .created()
                    .calls(
                            list("iam", DETAILS, 1000).of(DETAILS + "(LocalManagedPolicy)"),
                            each("iam", "ListPolicyTags", DETAILS + "(LocalManagedPolicy)"))
                    .doc(
                            "policy ARN",
                            "name, path, description, policy (default version, canonical JSON), arn, tags",
                            "ListPolicyTags")
                    .build(),
            // Terraform stores a random id for an attachment it created and <role>-<policy_arn> for an imported one;
            // the pair is what identifies it in AWS, so it is used for both. Its import id is role/policy-arn.
            builder("aws_iam_role_policy_attachment", "iam", GLOBAL)
                    .partOf("aws_iam_role", "role")
                    .awsManaged(AwsManaged.SOME)
                    .stateId(StateIdRule.pair("role", "-", "policy_arn"))
                    .importId(ImportRule.pair("role", "/", "policy_arn"))
                    .calls(list("iam", DETAILS, 1000).of(DETAILS + "(Role)").shared(2))
                    .doc("`<role>-<policy_arn>`", "role, policy_arn", "–")
                    .build(),
            builder("aws_iam_instance_profile", "iam", GLOBAL)
                    .sweptAfter("aws_instance")
                    .created()
                    .calls(
                            list("iam", "ListInstanceProfiles", 1000),
                            each("iam", "GetInstanceProfile", "ListInstanceProfiles"))
                    .doc("name", "path, role, unique_id, arn, tags", "GetInstanceProfile")
                    .build(),
            builder("aws_iam_access_key", "iam", GLOBAL)
                    .remediatedBy("deactivate-access-key")
                    .created()
                    .calls(list("iam", "ListUsers", 1000), each("iam", "ListAccessKeys", "ListUsers"))
                    .doc(
                            "access key id",
                            "user, status, create_date (RFC 3339; never the secret)",
                            "ListAccessKeys" + " per user")
                    .build(),
            builder("aws_iam_account_password_policy", "iam", ACCOUNT_LEVEL)
                    .awsManaged(AwsManaged.DEFAULT_SETTING)
                    // imported by its fixed id iam-account-password-policy
                    .calls(once("iam", "GetAccountPasswordPolicy"))
                    .doc(
                            "`iam-account-password-policy`",
                            "minimum_password_length,"
                                    + " require_lowercase/uppercase_characters, require_numbers, require_symbols,"
                                    + " allow_users_to_change_password, expire_passwords, hard_expiry, max_password_age,"
                                    + " password_reuse_prevention",
                            "one GetAccountPasswordPolicy per account")
                    .build(),
            builder("aws_account_root", "iam", ACCOUNT_LEVEL)
                    .awsManaged(AwsManaged.PSEUDO_TYPE)
                    .importId(ImportRule.cannot("the account's root user is not a Terraform resource"))
                    .calls(once("iam", "GetAccountSummary"))
                    .doc("account id", "access_keys_present, mfa_enabled", "one GetAccountSummary per account")
                    .build());

    private IamTypes() {}
}
