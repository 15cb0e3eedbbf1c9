package dev.driftwatch.testsupport;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * EC2 as a collector sees it: moto, except that the network interfaces a test names are described as AWS describes
 * those it makes for a NAT gateway ({@code interfaceType} {@code natGateway}, requester-managed). moto describes
 * them as interfaces anyone could have made.
 */
public class Ec2ServiceInterfaces extends MotoFront {

    private static final Set<String> MADE_BY_AWS = ConcurrentHashMap.newKeySet();

    public Ec2ServiceInterfaces() {
        super("ec2");
    }

    public static void madeByAws(String networkInterfaceId) {
        MADE_BY_AWS.add(networkInterfaceId);
    }

    @Override
    protected Reply answer(String form, Supplier<Reply> moto) {
        Reply reply = moto.get();
        if (!form.contains("Action=DescribeNetworkInterfaces")) {
            return reply;
        }
        String body = reply.body();
        for (String id : MADE_BY_AWS) {
            body = rewriteItemOf(body, id);
        }
        return new Reply(reply.status(), body);
    }

    /** The top-level {@code <item>} holding this interface, with AWS's type and requester-managed flag. */
    private static String rewriteItemOf(String body, String id) {
        int at = body.indexOf("<networkInterfaceId>" + id + "</networkInterfaceId>");
        if (at < 0) {
            return body;
        }
        int start = body.lastIndexOf("<networkInterfaceSet><item>", at);
        int previous = body.lastIndexOf("</vpcId></item><item>", at); // moto ends every interface with its vpcId
        start = Math.max(start, previous);
        int end = body.indexOf("</vpcId></item>", at);
        if (start < 0 || end < 0) {
            throw new IllegalStateException("moto's DescribeNetworkInterfaces changed shape: " + body);
        }
        String item = body.substring(start, end)
                .replace("<interfaceType>interface</interfaceType>", "<interfaceType>natGateway</interfaceType>")
                .replace("<requesterManaged>false</requesterManaged>", "<requesterManaged>true</requesterManaged>");
        return body.substring(0, start) + item + body.substring(end);
    }
}
