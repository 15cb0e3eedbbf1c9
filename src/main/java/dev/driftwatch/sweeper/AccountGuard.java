package dev.driftwatch.sweeper;

import dev.driftwatch.aws.AwsRegions;
import dev.driftwatch.aws.AwsSessions;
import dev.driftwatch.aws.Purpose;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The checks an account passes before the sweeper reads or deletes anything in it: listed as a sandbox (before a
 * single call), not the management account driftwatch runs in, and an alias without a blocked term. Reads only;
 * a check that cannot be made refuses.
 */
@ApplicationScoped
public class AccountGuard {

    private final SandboxAccounts sandboxes;
    private final AwsSessions sessions;
    private final List<String> blockedTerms;

    AccountGuard(SandboxAccounts sandboxes, AwsSessions sessions, SweeperConfig config) {
        this.sandboxes = sandboxes;
        this.sessions = sessions;
        this.blockedTerms = config.blockedAliasTerms().stream()
                .map(t -> t.toLowerCase(Locale.ROOT))
                .toList();
    }

    /** Empty when the account may be swept. */
    public Optional<Refusal> check(String account) {
        if (sandboxes.find(account).isEmpty()) {
            return refuse(Refusal.Reason.NOT_LISTED, account + " is not listed in driftwatch.sweeper.accounts");
        }
        try {
            String own = sessions.ownSts(Purpose.SWEEP).getCallerIdentity().account();
            if (own.equals(account)) {
                return refuse(Refusal.Reason.MANAGEMENT_ACCOUNT, account + " is the account driftwatch runs in");
            }
            List<String> aliases = sessions.session(account, Purpose.SWEEP, AwsRegions.GLOBAL)
                    .iam()
                    .listAccountAliases()
                    .accountAliases();
            if (aliases.isEmpty()) {
                return refuse(Refusal.Reason.NO_ALIAS, account + " has no account alias to tell it is a sandbox");
            }
            for (String alias : aliases) {
                String lower = alias.toLowerCase(Locale.ROOT);
                for (String term : blockedTerms) {
                    if (lower.contains(term)) {
                        return refuse(
                                Refusal.Reason.BLOCKED_ALIAS,
                                "the alias " + alias + " of " + account + " contains the blocked term " + term);
                    }
                }
            }
            return Optional.empty();
        } catch (SdkException e) {
            return refuse(
                    Refusal.Reason.GUARD_UNREADABLE,
                    "cannot tell whether " + account + " is a sandbox: "
                            + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static Optional<Refusal> refuse(Refusal.Reason reason, String message) {
        return Optional.of(new Refusal(reason, message));
    }
}
