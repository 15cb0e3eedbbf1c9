package dev.driftwatch.testsupport;

import java.util.Map;
import java.util.function.Supplier;

/**
 * EC2 as the remediators see it in {@code RemediationBreakerIT}: moto, except that RevokeSecurityGroupIngress is
 * refused with EC2's own UnauthorizedOperation answer (HTTP 403), as a remediator role without the permission
 * would be. moto allows every call, so this is the one answer it cannot give. Writes on by default.
 */
public class Ec2WriteRefusals extends MotoFront {

    private static final String REFUSED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Response><Errors><Error><Code>UnauthorizedOperation</Code>\
            <Message>You are not authorized to perform this operation.</Message></Error></Errors>\
            <RequestID>5c1e2d3f-0000-4000-8000-000000000000</RequestID></Response>""";

    public Ec2WriteRefusals() {
        super("ec2");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("driftwatch.remediation.breaker-blast-radius", "5");
    }

    @Override
    protected Reply answer(String form, Supplier<Reply> moto) {
        if (form.contains("Action=RevokeSecurityGroupIngress")) {
            return new Reply(403, REFUSED);
        }
        return moto.get();
    }
}
