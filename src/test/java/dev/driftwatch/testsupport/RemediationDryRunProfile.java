package dev.driftwatch.testsupport;

import java.util.HashMap;
import java.util.Map;

/** The remediators as shipped: dry-run (the default), moto's account listed. */
public class RemediationDryRunProfile extends RemediationProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.remove("driftwatch.remediation.dry-run");
        return config;
    }
}
