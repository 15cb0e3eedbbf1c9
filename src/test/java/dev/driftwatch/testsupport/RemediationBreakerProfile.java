package dev.driftwatch.testsupport;

import java.util.List;

/** The remediators with EC2 behind {@link Ec2WriteRefusals}: every revoke is refused. */
public class RemediationBreakerProfile extends RemediationProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Ec2WriteRefusals.class));
    }
}
