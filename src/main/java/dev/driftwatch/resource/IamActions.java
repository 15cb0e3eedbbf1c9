package dev.driftwatch.resource;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The IAM action each API call needs, so the roles driftwatch asks for ({@code deploy/terraform}) follow from what
 * its code calls. Most actions are the operation's name under the service's prefix; S3's differ, as AWS's
 * "Actions, resources, and condition keys for Amazon S3" page lists them.
 */
public final class IamActions {

    private static final Map<String, String> PREFIXES = Map.of("cloudwatchlogs", "logs", "s3control", "s3");

    /** Operations whose action is not {@code prefix:Operation}, by "service operation". */
    private static final Map<String, String> NAMED = Map.of(
            "s3 ListBuckets", "s3:ListAllMyBuckets",
            "s3 GetBucketEncryption", "s3:GetEncryptionConfiguration",
            "s3 GetPublicAccessBlock", "s3:GetBucketPublicAccessBlock",
            "s3control GetPublicAccessBlock", "s3:GetAccountPublicAccessBlock");

    private IamActions() {}

    /** The action of one call: {@code ec2:DescribeVpcs}, {@code s3:ListAllMyBuckets}. */
    public static String of(String service, String operation) {
        String named = NAMED.get(service + " " + operation);
        return named != null ? named : PREFIXES.getOrDefault(service, service) + ":" + operation;
    }

    /** Every action the collectors' calls need: what the scanner role must allow, sorted. */
    public static Set<String> toRead() {
        Set<String> actions = new TreeSet<>();
        ResourceTypeCatalog.all().forEach(d -> d.calls().forEach(c -> actions.add(of(c.service(), c.operation()))));
        return actions;
    }
}
