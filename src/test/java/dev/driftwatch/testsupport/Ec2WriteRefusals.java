package dev.driftwatch.testsupport;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * EC2 as the remediators see it in {@code RemediationGuardsIT}: moto, except that RevokeSecurityGroupIngress of
 * the groups a test names is refused with EC2's own UnauthorizedOperation answer (HTTP 403), as a remediator role
 * denied by a permission boundary would be. moto allows every call, so this is the one answer it cannot give.
 */
public class Ec2WriteRefusals extends MotoFront {

    private static final String REFUSED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Response><Errors><Error><Code>UnauthorizedOperation</Code>\
            <Message>You are not authorized to perform this operation.</Message></Error></Errors>\
            <RequestID>5c1e2d3f-0000-4000-8000-000000000000</RequestID></Response>""";

    private static final Set<String> REFUSED_GROUPS = ConcurrentHashMap.newKeySet();

    public Ec2WriteRefusals() {
        super("ec2");
    }

    /** Revokes of this group are refused from now on. */
    public static void refuseWritesTo(String groupId) {
        REFUSED_GROUPS.add(groupId);
    }

    /** Every write answered by moto again. */
    public static void reset() {
        REFUSED_GROUPS.clear();
    }

    @Override
    protected Reply answer(String form, Supplier<Reply> moto) {
        if (form.contains("Action=RevokeSecurityGroupIngress")
                && REFUSED_GROUPS.stream()
                        .anyMatch(g -> form.contains("GroupId=" + g + "&") || form.endsWith("GroupId=" + g))) {
            return new Reply(403, REFUSED);
        }
        return moto.get();
    }
}
