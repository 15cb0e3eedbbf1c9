package dev.driftwatch.resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One permission of a security group's {@code ingress} or {@code egress} as drift compares them: one protocol, port
 * range, source and description, written {@code tcp 22-22 0.0.0.0/0}, {@code tcp 443-443 sg-123 "web"} or
 * {@code -1 all ::/0}. The text is formatted and read back here only, so drift and the revert of drift agree on it.
 *
 * @param protocol    {@code tcp}, {@code udp}, {@code icmp}, {@code icmpv6}, {@code -1} (all traffic) or a number
 * @param fromPort    {@code null} for all traffic
 * @param toPort      {@code null} for all traffic
 * @param value       the CIDR, prefix list id or group reference ({@code sg-1} or {@code 123456789012/sg-1}); for
 *                    {@code SELF}, {@code self}
 * @param description empty when there is none
 */
public record SecurityGroupPermission(
        String protocol, Integer fromPort, Integer toPort, Source source, String value, String description) {

    public enum Source {
        IPV4_CIDR,
        IPV6_CIDR,
        PREFIX_LIST,
        SECURITY_GROUP,
        SELF
    }

    private static final Map<String, String> PROTOCOL_NAMES =
            Map.of("6", "tcp", "17", "udp", "1", "icmp", "58", "icmpv6", "all", "-1");
    private static final List<String> FIELD_ORDER =
            List.of("cidr_blocks", "ipv6_cidr_blocks", "prefix_list_ids", "security_groups");
    private static final Pattern PORTS = Pattern.compile("(-?\\d{1,5})-(-?\\d{1,5})");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*/\\d{1,3}");
    private static final Pattern PREFIX_LIST_ID = Pattern.compile("pl-[0-9a-zA-Z]+");
    private static final Pattern GROUP = Pattern.compile("(\\d{12}/)?sg-[0-9a-zA-Z]+");
    private static final Pattern PROTOCOL = Pattern.compile("-1|tcp|udp|icmp|icmpv6|\\d{1,3}");

    public SecurityGroupPermission {
        description = description == null ? "" : description;
    }

    public boolean allTraffic() {
        return "-1".equals(protocol);
    }

    /** The text drift compares. */
    public String format() {
        String ports = allTraffic() ? "all" : fromPort + "-" + toPort;
        String suffix = description.isEmpty() ? "" : " \"" + description + "\"";
        return protocol + " " + ports + " " + value + suffix;
    }

    /**
     * The sorted permissions of the provider's rule blocks ({@code ingress} or {@code egress} as a state or a
     * collector has them), as text.
     *
     * @param owner the group's account: same-account references may carry it ({@code 123456789012/sg-1}), and lose it
     */
    public static List<String> formatAll(Object rules, String owner) {
        TreeSet<String> permissions = new TreeSet<>();
        if (rules instanceof List<?> list) {
            for (Object rule : list) {
                if (rule instanceof Map<?, ?> map) {
                    permissions.addAll(formatRule(map, owner));
                }
            }
        }
        return new ArrayList<>(permissions);
    }

    private static List<String> formatRule(Map<?, ?> rule, String owner) {
        String protocol = Objects.toString(rule.get("protocol"), "-1").toLowerCase();
        protocol = PROTOCOL_NAMES.getOrDefault(protocol, protocol);
        String ports = "-1".equals(protocol) ? "all" : port(rule.get("from_port")) + "-" + port(rule.get("to_port"));
        String description = Objects.toString(rule.get("description"), "");
        String suffix = description.isEmpty() ? "" : " \"" + description + "\"";
        List<String> sources = new ArrayList<>();
        for (String field : FIELD_ORDER) {
            if (rule.get(field) instanceof List<?> values) {
                values.forEach(v -> sources.add(withoutOwner(v.toString(), owner)));
            }
        }
        if (Boolean.TRUE.equals(rule.get("self"))) {
            sources.add("self");
        }
        String head = protocol + " " + ports + " ";
        return sources.stream().map(s -> head + s + suffix).toList();
    }

    private static String port(Object value) {
        return value instanceof Number n ? Long.toString(n.longValue()) : Objects.toString(value, "0");
    }

    private static String withoutOwner(String value, String owner) {
        return !owner.isEmpty() && value.startsWith(owner + "/") ? value.substring(owner.length() + 1) : value;
    }

    /**
     * Reads a permission back from its text.
     *
     * @throws IllegalArgumentException saying why, when the text is not one {@link #format} writes
     */
    public static SecurityGroupPermission parse(String text) {
        String[] parts = text.split(" ", 4);
        if (parts.length < 3) {
            throw unreadable(text, "it is not 'protocol ports source [\"description\"]'");
        }
        String protocol = parts[0];
        if (!PROTOCOL.matcher(protocol).matches()) {
            throw unreadable(text, "protocol '" + protocol + "' is unknown");
        }
        Integer from = null;
        Integer to = null;
        if ("-1".equals(protocol)) {
            if (!"all".equals(parts[1])) {
                throw unreadable(text, "all traffic (-1) has ports 'all', not '" + parts[1] + "'");
            }
        } else {
            Matcher ports = PORTS.matcher(parts[1]);
            if (!ports.matches()) {
                throw unreadable(text, "ports '" + parts[1] + "' are not 'from-to'");
            }
            from = Integer.valueOf(ports.group(1));
            to = Integer.valueOf(ports.group(2));
        }
        String description = "";
        if (parts.length == 4) {
            String quoted = parts[3];
            if (quoted.length() < 2 || !quoted.startsWith("\"") || !quoted.endsWith("\"")) {
                throw unreadable(text, "the description is not in double quotes");
            }
            description = quoted.substring(1, quoted.length() - 1);
        }
        return new SecurityGroupPermission(protocol, from, to, sourceOf(text, parts[2]), parts[2], description);
    }

    private static Source sourceOf(String text, String source) {
        if ("self".equals(source)) {
            return Source.SELF;
        }
        if (IPV4.matcher(source).matches()) {
            return Source.IPV4_CIDR;
        }
        if (IPV6.matcher(source).matches()) {
            return Source.IPV6_CIDR;
        }
        if (PREFIX_LIST_ID.matcher(source).matches()) {
            return Source.PREFIX_LIST;
        }
        if (GROUP.matcher(source).matches()) {
            return Source.SECURITY_GROUP;
        }
        throw unreadable(
                text, "source '" + source + "' is no IPv4 or IPv6 CIDR, prefix list, security group id or self");
    }

    private static IllegalArgumentException unreadable(String text, String why) {
        return new IllegalArgumentException("permission '" + text + "' cannot be read: " + why);
    }
}
