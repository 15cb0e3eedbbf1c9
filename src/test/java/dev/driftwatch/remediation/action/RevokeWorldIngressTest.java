package dev.driftwatch.remediation.action;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;

/** Which permissions reach a port, and that only their world-open ranges are revoked. */
class RevokeWorldIngressTest {

    @Test
    void allTrafficAndTcpRangesHoldingThePortReachIt() {
        assertThat(RevokeWorldIngress.reaches(permission("-1", null, null), 22)).isTrue();
        assertThat(RevokeWorldIngress.reaches(permission("tcp", 0, 65535), 22)).isTrue();
        assertThat(RevokeWorldIngress.reaches(permission("6", 22, 22), 22)).isTrue();
        assertThat(RevokeWorldIngress.reaches(permission("tcp", 23, 3389), 22)).isFalse();
        assertThat(RevokeWorldIngress.reaches(permission("udp", 0, 65535), 22)).isFalse();
    }

    @Test
    void onlyTheWorldOpenRangesOfAPermissionAreRevoked() {
        IpPermission mixed = permission("tcp", 22, 22).toBuilder()
                .ipRanges(
                        IpRange.builder().cidrIp("10.0.0.0/8").build(),
                        IpRange.builder()
                                .cidrIp("0.0.0.0/0")
                                .description("temp")
                                .build())
                .ipv6Ranges(
                        Ipv6Range.builder().cidrIpv6("::/0").build(),
                        Ipv6Range.builder().cidrIpv6("2001:db8::/32").build())
                .build();

        IpPermission revoked = RevokeWorldIngress.worldPart(mixed);

        assertThat(revoked.ipRanges()).extracting(IpRange::cidrIp).containsExactly("0.0.0.0/0");
        assertThat(revoked.ipv6Ranges()).extracting(Ipv6Range::cidrIpv6).containsExactly("::/0");
        assertThat(revoked.fromPort()).isEqualTo(22);
        assertThat(revoked.toPort()).isEqualTo(22);
    }

    private static IpPermission permission(String protocol, Integer from, Integer to) {
        return IpPermission.builder()
                .ipProtocol(protocol)
                .fromPort(from)
                .toPort(to)
                .build();
    }
}
