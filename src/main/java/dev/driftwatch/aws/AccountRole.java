package dev.driftwatch.aws;

import java.util.Optional;

/**
 * Whose credentials a session of one account uses: a role assumed from driftwatch's own credentials, or those
 * credentials themselves (no role: the account driftwatch runs in, for the inventory's default account).
 *
 * @param sessionName the AssumeRole session name, visible in the account's CloudTrail
 */
public record AccountRole(String account, Optional<String> roleArn, Optional<String> externalId, String sessionName) {

    public static AccountRole assumed(String account, String roleArn, Optional<String> externalId, String sessionName) {
        return new AccountRole(account, Optional.of(roleArn), externalId, sessionName);
    }

    /** The default credential chain's own account, no role assumed. */
    public static AccountRole defaultCredentials(String account) {
        return new AccountRole(account, Optional.empty(), Optional.empty(), "driftwatch");
    }

    /** For cache keys: the role, or {@code default}. */
    String identity() {
        return roleArn.orElse("default") + externalId.map(id -> "#" + id).orElse("");
    }
}
