package dev.driftwatch.testsupport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The remediators with EC2 behind {@link Ec2WriteRefusals}, and tight guards: two failures in a row open the
 * breaker, two writes an hour per account, more than five alike at once open it too, three automatic fixes from one
 * scan of an account.
 */
public class RemediationGuardsProfile extends RemediationProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.put("driftwatch.remediation.breaker-failures", "2");
        config.put("driftwatch.remediation.max-writes-per-account-per-hour", "2");
        config.put("driftwatch.remediation.breaker-blast-radius", "5");
        config.put("driftwatch.remediation.max-auto-fixes-per-account-per-scan", "3");
        return config;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Ec2WriteRefusals.class));
    }
}
