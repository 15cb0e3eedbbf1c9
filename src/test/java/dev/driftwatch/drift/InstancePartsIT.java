package dev.driftwatch.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.baseline.ExpectedResource;
import dev.driftwatch.inventory.ec2.EbsVolumeCollector;
import dev.driftwatch.inventory.ec2.InstanceCollector;
import dev.driftwatch.inventory.ec2.NetworkInterfaceCollector;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.testsupport.DriftCheck;
import dev.driftwatch.testsupport.Ec2ServiceInterfaces;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoFront;
import dev.driftwatch.testsupport.MotoSession;
import dev.driftwatch.testsupport.StateAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DomainType;

/**
 * An instance launched in moto comes with its primary network interface and root volume, which no state holds
 * (Terraform keeps them inside the {@code aws_instance}): they are managed through the instance.
 */
class InstancePartsIT {

    private static final Set<String> READ = Set.of("aws_instance", "aws_network_interface", "aws_ebs_volume");

    private final MotoSession session = MotoSession.in("us-east-1");

    @BeforeEach
    void reset() {
        Moto.reset();
    }

    @Test
    void anInstancesOwnInterfaceAndRootVolumeAreUnmanagedOnlyWithTheInstance() {
        Ec2Client ec2 = session.ec2();
        String ami = ec2.describeImages(r -> r.owners("amazon")).images().get(0).imageId();
        String instance = ec2.runInstances(
                        r -> r.imageId(ami).minCount(1).maxCount(1).instanceType("t3.micro"))
                .instances()
                .get(0)
                .instanceId();
        String subnet = ec2.describeSubnets().subnets().get(0).subnetId();
        String looseInterface = ec2.createNetworkInterface(r -> r.subnetId(subnet))
                .networkInterface()
                .networkInterfaceId();
        String looseVolume =
                ec2.createVolume(r -> r.availabilityZone("us-east-1a").size(5)).volumeId();
        List<CloudResource> live = collect(session);
        String primary = partOf(live, "aws_network_interface", instance);
        String root = partOf(live, "aws_ebs_volume", instance);

        // As terraform apply of aws_instance leaves it: the instance in the state, its interface and volume inside it.
        ExpectedResource managed = new ExpectedResource(
                new CloudResource(
                        "aws_instance",
                        instance,
                        Moto.ACCOUNT,
                        "us-east-1",
                        null,
                        StateAttributes.of(
                                "id",
                                instance,
                                "ami",
                                ami,
                                "instance_type",
                                "t3.micro",
                                "primary_network_interface_id",
                                primary,
                                "root_block_device",
                                List.of(Map.of("volume_id", root, "delete_on_termination", true))),
                        null),
                "aws_instance.web",
                "web.tfstate");
        assertThat(unmanaged(DriftCheck.compare(live, List.of(managed), READ)))
                .containsExactlyInAnyOrder(looseInterface, looseVolume);

        assertThat(unmanaged(DriftCheck.compare(live, List.of(), READ)))
                .containsExactlyInAnyOrder(instance, primary, root, looseInterface, looseVolume);
    }

    @Test
    void interfacesAwsMadeForANatGatewayAreAwsManaged() {
        Ec2Client ec2 = session.ec2();
        String subnet = ec2.describeSubnets().subnets().get(0).subnetId();
        String eip = ec2.allocateAddress(r -> r.domain(DomainType.VPC)).allocationId();
        String natInterface = ec2.createNatGateway(r -> r.subnetId(subnet).allocationId(eip))
                .natGateway()
                .natGatewayAddresses()
                .get(0)
                .networkInterfaceId();
        String own = ec2.createNetworkInterface(r -> r.subnetId(subnet))
                .networkInterface()
                .networkInterfaceId();
        Ec2ServiceInterfaces front = new Ec2ServiceInterfaces();
        front.start();
        try {
            Ec2ServiceInterfaces.madeByAws(natInterface);
            List<CloudResource> live = new NetworkInterfaceCollector().collect(session.through(MotoFront.url("ec2")));
            assertThat(DriftCheck.find(live, natInterface).attributes())
                    .containsEntry("requester_managed", true)
                    .containsEntry("interface_type", "natGateway");

            Comparison comparison = DriftCheck.compare(live, List.of(), Set.of("aws_network_interface"));
            assertThat(unmanaged(comparison)).containsExactly(own);
            assertThat(comparison.coverage()).singleElement().satisfies(c -> {
                assertThat(c.unmanaged()).isEqualTo(1);
                assertThat(c.awsManaged()).isEqualTo(1);
            });
        } finally {
            front.stop();
        }
    }

    private static List<CloudResource> collect(MotoSession session) {
        List<CloudResource> live = new ArrayList<>(new InstanceCollector().collect(session));
        live.addAll(new NetworkInterfaceCollector().collect(session));
        live.addAll(new EbsVolumeCollector().collect(session));
        return live;
    }

    /** The one interface or volume moto made with the instance, as the collector reports its attachment. */
    private static String partOf(List<CloudResource> live, String type, String instance) {
        List<String> parts = live.stream()
                .filter(r -> r.type().equals(type))
                .filter(r -> r.attributes().toString().contains(instance))
                .map(CloudResource::id)
                .toList();
        assertThat(parts).as("%s of %s", type, instance).hasSize(1);
        return parts.get(0);
    }

    private static List<String> unmanaged(Comparison comparison) {
        return comparison.observations().stream()
                .filter(o -> o.kind() == DriftKind.UNMANAGED)
                .map(o -> o.resource().id())
                .toList();
    }
}
