package dev.driftwatch.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.driftwatch.baseline.ExpectedResource;
import dev.driftwatch.resource.AttributeDiff;
import dev.driftwatch.resource.CloudResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DriftComparatorTest {

    private static final String SG = "aws_security_group";
    private static final String STATE = "/states/prod.tfstate";
    private static final Set<String> SG_READ = Set.of(SG);

    private final DriftComparator comparator = new DriftComparator(List.of(new SecurityGroupNormaliser()), false);

    @Test
    void inSyncGivesNothing() {
        assertThat(comparator
                        .compare(
                                List.of(live("sg-1", "web", "net")),
                                List.of(expected(SG, "sg-1", "web", "net")),
                                SG_READ,
                                true)
                        .observations())
                .isEmpty();
    }

    @Test
    void changedTagIsReportedWithPathExpectedAndActual() {
        CloudResource have = live("sg-1", "web", "platform");

        List<DriftObservation> drift = comparator
                .compare(List.of(have), List.of(expected(SG, "sg-1", "web", "net")), SG_READ, true)
                .observations();

        assertThat(drift).singleElement().satisfies(o -> {
            assertThat(o.kind()).isEqualTo(DriftKind.CHANGED);
            assertThat(o.resource()).isEqualTo(have);
            assertThat(o.address()).isEqualTo("aws_security_group.sg-1");
            assertThat(o.stateFile()).isEqualTo(STATE);
            assertThat(o.diffs()).containsExactly(new AttributeDiff("tags.Team", "net", "platform"));
        });
    }

    @Test
    void liveGroupInNoStateIsUnmanaged() {
        List<DriftObservation> drift = comparator
                .compare(
                        List.of(live("sg-1", "web", "net"), live("sg-2", "adhoc", "x")),
                        List.of(expected(SG, "sg-1", "web", "net")),
                        SG_READ,
                        true)
                .observations();

        assertThat(drift).singleElement().satisfies(o -> {
            assertThat(o.kind()).isEqualTo(DriftKind.UNMANAGED);
            assertThat(o.resource().id()).isEqualTo("sg-2");
            assertThat(o.address()).isNull();
        });
    }

    @Test
    void theVpcDefaultGroupIsNeverUnmanaged() {
        assertThat(comparator
                        .compare(List.of(live("sg-def", "default", null)), List.of(), SG_READ, true)
                        .observations())
                .isEmpty();
    }

    @Test
    void stateEntryNotInTheCloudIsMissing() {
        ExpectedResource want = expected(SG, "sg-3", "gone", "net");

        List<DriftObservation> drift =
                comparator.compare(List.of(), List.of(want), SG_READ, true).observations();

        assertThat(drift).singleElement().satisfies(o -> {
            assertThat(o.kind()).isEqualTo(DriftKind.MISSING);
            assertThat(o.resource()).isEqualTo(want.resource());
            assertThat(o.address()).isEqualTo(want.address());
            assertThat(o.stateFile()).isEqualTo(STATE);
        });
    }

    @Test
    void unreadTypeIsNeitherMissingNorChanged() {
        List<DriftObservation> drift = comparator
                .compare(
                        List.of(live("sg-1", "web", "platform")),
                        List.of(expected(SG, "sg-1", "web", "net"), expected(SG, "sg-3", "gone", "net")),
                        Set.of(),
                        false)
                .observations();

        assertThat(drift).isEmpty();
    }

    @Test
    void unreadTypeIsNotUnmanagedEither() {
        List<DriftObservation> drift = comparator
                .compare(
                        List.of(live("sg-1", "web", "net"), live("sg-2", "adhoc", "x")),
                        List.of(expected(SG, "sg-1", "web", "net")),
                        Set.of(),
                        true)
                .observations();

        assertThat(drift)
                .as("sg-1 is in a state; sg-2's type was not read completely")
                .isEmpty();
    }

    @Test
    void incompleteBaselineSuppressesOnlyUnmanaged() {
        List<DriftObservation> drift = comparator
                .compare(
                        List.of(live("sg-1", "web", "platform"), live("sg-2", "adhoc", "x")),
                        List.of(expected(SG, "sg-1", "web", "net"), expected(SG, "sg-3", "gone", "net")),
                        SG_READ,
                        false)
                .observations();

        assertThat(drift)
                .extracting(DriftObservation::kind, o -> o.resource().id())
                .containsExactlyInAnyOrder(tuple(DriftKind.CHANGED, "sg-1"), tuple(DriftKind.MISSING, "sg-3"));
    }

    @Test
    void defaultSecurityGroupResourceMatchesTheLiveGroup() {
        ExpectedResource want = expected("aws_default_security_group", "sg-def", "default", "net");

        assertThat(comparator
                        .compare(List.of(live("sg-def", "default", "net")), List.of(want), SG_READ, true)
                        .observations())
                .isEmpty();

        List<DriftObservation> drift = comparator
                .compare(List.of(live("sg-def", "default", "platform")), List.of(want), SG_READ, true)
                .observations();
        assertThat(drift).singleElement().satisfies(o -> {
            assertThat(o.kind()).isEqualTo(DriftKind.CHANGED);
            assertThat(o.address()).isEqualTo("aws_default_security_group.sg-def");
            assertThat(o.diffs()).containsExactly(new AttributeDiff("tags.Team", "net", "platform"));
        });
    }

    @Test
    void anAttributeTheStateMarksSensitiveIsNotCompared() {
        CloudResource stateSide = resource(SG, "sg-1", "web", "net");
        Map<String, Object> withoutDescription = new LinkedHashMap<>(stateSide.attributes());
        withoutDescription.remove("description"); // as the state reader leaves it: the value never leaves the file
        ExpectedResource want = new ExpectedResource(
                new CloudResource(SG, "sg-1", stateSide.account(), stateSide.region(), null, withoutDescription, null),
                "aws_security_group.web",
                STATE,
                Set.of("description"));

        assertThat(comparator
                        .compare(List.of(live("sg-1", "web", "net")), List.of(want), SG_READ, true)
                        .observations())
                .isEmpty();
        assertThat(comparator
                        .compare(List.of(live("sg-1", "web", "platform")), List.of(want), SG_READ, true)
                        .observations())
                .singleElement()
                .satisfies(
                        o -> assertThat(o.diffs()).containsExactly(new AttributeDiff("tags.Team", "net", "platform")));
    }

    private static CloudResource live(String id, String name, String team) {
        return resource(SG, id, name, team);
    }

    private static ExpectedResource expected(String type, String id, String name, String team) {
        return new ExpectedResource(resource(type, id, name, team), type + "." + id, STATE);
    }

    private static CloudResource resource(String type, String id, String name, String team) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("id", id);
        attributes.put("name", name);
        attributes.put("description", "Managed by Terraform");
        attributes.put("vpc_id", "vpc-1");
        attributes.put("owner_id", "123456789012");
        attributes.put("tags", team == null ? Map.of() : Map.of("Team", team));
        attributes.put(
                "ingress",
                List.of(Map.of(
                        "protocol", "tcp", "from_port", 443, "to_port", 443, "cidr_blocks", List.of("10.0.0.0/8"))));
        attributes.put("egress", List.of());
        // the default group is AWS's, as SecurityGroupCollector marks it
        return new CloudResource(type, id, "123456789012", "eu-west-1", null, attributes, null, "default".equals(name));
    }
}
