package dev.driftwatch.testsupport;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * EC2 as the sweeper sees it in {@code SweeperIT}: moto, except that the first DeleteSecurityGroup of a group a test
 * names is refused with EC2's DependencyViolation, as AWS answers while a terminating instance's network interface
 * still holds the group (for seconds to minutes after TerminateInstances). moto deletes such a group at once, so
 * this is the one answer it cannot give.
 */
public class Ec2GroupsInUse extends MotoFront {

    private static final String IN_USE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Response><Errors><Error><Code>DependencyViolation</Code>\
            <Message>resource %s has a dependent object</Message></Error></Errors>\
            <RequestID>5c1e2d3f-0000-4000-8000-000000000001</RequestID></Response>""";

    private static final Set<String> STILL_HELD = ConcurrentHashMap.newKeySet();

    public Ec2GroupsInUse() {
        super("ec2");
    }

    /** The next DeleteSecurityGroup of this group is refused; the one after it goes to moto. */
    public static void heldOnce(String groupId) {
        STILL_HELD.add(groupId);
    }

    @Override
    protected Reply answer(String form, Supplier<Reply> moto) {
        if (form.contains("Action=DeleteSecurityGroup")) {
            for (String group : STILL_HELD) {
                if ((form.contains("GroupId=" + group + "&") || form.endsWith("GroupId=" + group))
                        && STILL_HELD.remove(group)) {
                    return new Reply(400, IN_USE.formatted(group));
                }
            }
        }
        return moto.get();
    }
}
