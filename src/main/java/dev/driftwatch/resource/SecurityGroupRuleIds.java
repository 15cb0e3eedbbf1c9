package dev.driftwatch.resource;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * How the AWS provider names an {@code aws_security_group_rule}: the collector names what AWS reports this way,
 * and the comparison names each part of a state entry that covers several sources the same way.
 */
public final class SecurityGroupRuleIds {

    private static final Map<String, Integer> PROTOCOL_NUMBERS = Map.of("tcp", 6, "udp", 17, "icmp", 1, "icmpv6", 58);

    private SecurityGroupRuleIds() {}

    /** The provider's {@code securityGroupRuleCreateID}: CRC-32 of the rule's content. */
    public static String id(String groupId, String type, String protocol, int from, int to, String sources) {
        StringBuilder key = new StringBuilder(groupId).append('-');
        if (!protocol.equals("-1") && from > 0) {
            key.append(from).append('-');
        }
        if (!protocol.equals("-1") && to > 0) {
            key.append(to).append('-');
        }
        key.append(protocol).append('-').append(type).append('-').append(sources);
        CRC32 crc = new CRC32();
        crc.update(key.toString().getBytes(StandardCharsets.UTF_8));
        return "sgrule-" + crc.getValue();
    }

    /** The provider's {@code protocolForValue}: names for the protocols it knows, "-1" for all. */
    public static String protocolForValue(String value) {
        String protocol = value == null ? "-1" : value.toLowerCase(Locale.ROOT);
        if (protocol.equals("-1") || protocol.equals("all") || PROTOCOL_NUMBERS.containsKey(protocol)) {
            return protocol.equals("all") ? "-1" : protocol;
        }
        for (Map.Entry<String, Integer> known : PROTOCOL_NUMBERS.entrySet()) {
            if (known.getValue().toString().equals(protocol)) {
                return known.getKey();
            }
        }
        return protocol;
    }
}
