package dev.driftwatch.inventory;

/** Builds ARNs for resources whose API responses do not carry one. */
public final class Arns {

    private Arns() {}

    public static String of(String region, String account, String service, String resource) {
        return "arn:" + partition(region) + ":" + service + ":" + region + ":" + account + ":" + resource;
    }

    public static String partition(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        if (region.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        return "aws";
    }
}
