package dev.driftwatch.remediation.action;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.aws.S3Control.PublicAccessBlock;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns on all four S3 public access block settings of the account (S3 Control PutPublicAccessBlock), so that no
 * bucket of it can be made public by an ACL or a policy. Safe in that it only adds blocks, never lifts one; approve by
 * default: a bucket meant to be public (a website) stops being so. The Terraform id is the account id; the session's
 * account is written only when it is that account.
 */
@ApplicationScoped
public class BlockAccountPublicAccess implements RemediationAction {

    private static final PublicAccessBlock ALL_BLOCKED = new PublicAccessBlock(true, true, true, true);

    @Override
    public String name() {
        return "block-account-public-access";
    }

    @Override
    public List<String> iamActions() {
        return List.of("s3:GetAccountPublicAccessBlock", "s3:PutAccountPublicAccessBlock");
    }

    @Override
    public Reading read(AwsSession session, Target target) {
        String account = target.resourceId();
        if (!account.equals(session.account())) {
            return Reading.cannotFix(
                    Map.of(),
                    "the block of account " + account + " is not in this session's account " + session.account());
        }
        // none at all reads as all four off, as AWS then applies them
        Optional<PublicAccessBlock> now = session.s3Control().getPublicAccessBlock(account);
        if (now.filter(ALL_BLOCKED::equals).isPresent()) {
            return Reading.fixed(Map.of());
        }
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("BlockPublicAcls", true);
        configuration.put("IgnorePublicAcls", true);
        configuration.put("BlockPublicPolicy", true);
        configuration.put("RestrictPublicBuckets", true);
        PlannedCall call = new PlannedCall(
                "s3:PutAccountPublicAccessBlock",
                Map.of("AccountId", account, "PublicAccessBlockConfiguration", configuration));
        return Reading.needs(Map.of(), new Fix(call, s -> s.s3Control().putPublicAccessBlock(account, ALL_BLOCKED)));
    }
}
