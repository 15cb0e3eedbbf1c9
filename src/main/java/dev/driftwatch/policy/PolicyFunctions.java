package dev.driftwatch.policy;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Small pure helpers for policies, where CEL has none: CIDR maths, port ranges, ages and tag lookup.
 * Registered in {@link CelEnvironment}; each is total (bad input gives false, 0 or "", never an error).
 */
final class PolicyFunctions {

    private PolicyFunctions() {}

    /** True for a range that reaches addresses outside private, loopback and link-local space, e.g. 0.0.0.0/0. */
    static boolean cidrIsPublic(String cidr) {
        try {
            Cidr range = Cidr.parse(cidr);
            InetAddress network = range.network();
            boolean privateSpace = network.isSiteLocalAddress()
                    || network.isLoopbackAddress()
                    || network.isLinkLocalAddress()
                    || isUniqueLocal(network)
                    || isCarrierGrade(network);
            return !privateSpace || range.prefix() < (network.getAddress().length == 4 ? 8 : 7);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** True when {@code inner} (an address or range) lies within {@code outer}. */
    static boolean cidrContains(String outer, String inner) {
        try {
            Cidr o = Cidr.parse(outer);
            Cidr i = Cidr.parse(inner.contains("/") ? inner : inner + (inner.contains(":") ? "/128" : "/32"));
            return o.bits() == i.bits()
                    && i.prefix() >= o.prefix()
                    && o.masked(i.value()).equals(o.value());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean portInRange(long port, long from, long to) {
        return from <= port && port <= to;
    }

    /** Whole days from an RFC 3339 time to {@code now}; 0 for an empty or unreadable one. */
    static long ageDays(String timestamp, Instant now) {
        try {
            Instant then = timestamp.length() > 10
                            && timestamp.charAt(10) == 'T'
                            && !timestamp.endsWith("Z")
                            && !timestamp.contains("+")
                    ? Instant.parse(timestamp + "Z")
                    : OffsetDateTime.parse(timestamp).toInstant();
            return Duration.between(then, now).toDays();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** The required tag keys a resource lacks (absent or empty), comma-separated; "" when none. */
    static String missingTags(Object tags, Object keys) {
        if (!(keys instanceof java.util.List<?> list)) {
            return "";
        }
        return list.stream()
                .map(String::valueOf)
                .filter(k -> tag(tags, k).isEmpty())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    static String tag(Object tags, String key) {
        return tags instanceof Map<?, ?> map && map.get(key) != null
                ? map.get(key).toString()
                : "";
    }

    private static boolean isUniqueLocal(InetAddress address) {
        return address.getAddress().length == 16 && (address.getAddress()[0] & 0xfe) == 0xfc;
    }

    private static boolean isCarrierGrade(InetAddress address) {
        byte[] b = address.getAddress();
        return b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
    }

    /** An IPv4 or IPv6 range. */
    private record Cidr(BigInteger value, int prefix, int bits, InetAddress network) {

        static Cidr parse(String text) {
            String[] parts = text.trim().split("/");
            if (parts.length != 2 || !parts[0].matches("[0-9a-fA-F:.]+")) {
                throw new IllegalArgumentException(text);
            }
            try {
                InetAddress address = InetAddress.getByName(parts[0]);
                int bits = address.getAddress().length * 8;
                int prefix = Integer.parseInt(parts[1]);
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException(text);
                }
                Cidr unmasked = new Cidr(new BigInteger(1, address.getAddress()), prefix, bits, address);
                return new Cidr(unmasked.masked(unmasked.value), prefix, bits, address);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException(text, e);
            }
        }

        BigInteger masked(BigInteger address) {
            BigInteger hostBits = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
            return address.andNot(hostBits);
        }
    }
}
