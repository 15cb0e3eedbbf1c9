package dev.driftwatch.inventory.iam;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.inventory.Arns;
import dev.driftwatch.inventory.TypedCollector;
import dev.driftwatch.resource.CloudResource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.model.SummaryKeyType;

/**
 * {@code aws_account_root}: a pseudo type, not a Terraform resource, so that policies can speak about the
 * root user: one GetAccountSummary call. Always AWS-managed: no state ever holds it.
 */
@ApplicationScoped
public class AccountRootCollector extends TypedCollector {

    public static final String TYPE = "aws_account_root";

    public AccountRootCollector() {
        super(TYPE, "iam", true);
    }

    @Override
    public List<CloudResource> collect(AwsSession session) {
        Map<SummaryKeyType, Integer> summary =
                session.iam().getAccountSummary(r -> {}).summaryMap();
        String account = session.account();
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("id", account);
        attributes.put("access_keys_present", summary.getOrDefault(SummaryKeyType.ACCOUNT_ACCESS_KEYS_PRESENT, 0) > 0);
        attributes.put("mfa_enabled", summary.getOrDefault(SummaryKeyType.ACCOUNT_MFA_ENABLED, 0) > 0);
        String arn = "arn:" + Arns.partition(session.region()) + ":iam::" + account + ":root";
        return List.of(new CloudResource(TYPE, account, account, session.region(), arn, attributes, null, true));
    }
}
