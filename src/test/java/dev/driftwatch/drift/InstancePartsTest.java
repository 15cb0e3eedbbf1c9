package dev.driftwatch.drift;

import static dev.driftwatch.drift.Estate.attrs;
import static dev.driftwatch.drift.Estate.compare;
import static dev.driftwatch.drift.Estate.expected;
import static dev.driftwatch.drift.Estate.live;
import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.resource.CloudResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An instance's own interfaces and volumes are managed through it; what is attached to it later is not. */
class InstancePartsTest {

    private static final String[] READ = {"aws_instance", "aws_network_interface", "aws_ebs_volume"};

    private final DriftComparator comparator = Estate.comparator(false);

    @Test
    void thePartsOfAManagedInstanceAreNotUnmanagedWhatWasAttachedLaterIs() {
        List<CloudResource> live = List.of(
                live("aws_instance", "i-1", attrs("id", "i-1")),
                eni("eni-primary", "i-1", 0, false),
                eni("eni-launch", "i-1", 1, true),
                eni("eni-later", "i-1", 2, false),
                volume("vol-root", "i-1", true, "2026-12-01T10:00:00Z", "2026-12-01T10:00:00Z"),
                volume("vol-root-kept", "i-1", false, "2026-12-01T10:00:00Z", "2026-12-01T10:00:01Z"),
                volume("vol-later", "i-1", false, "2026-12-01T10:00:00Z", "2026-12-01T10:05:00Z"));

        Comparison comparison =
                compare(comparator, live, List.of(expected("aws_instance", "web", "i-1", attrs("id", "i-1"))), READ);

        assertThat(comparison.observations())
                .extracting(o -> o.kind() + " " + o.resource().id())
                .containsExactlyInAnyOrder("UNMANAGED eni-later", "UNMANAGED vol-later");
        assertThat(comparison.coverage())
                .extracting(c -> c.type() + " " + c.managed() + "/" + c.unmanaged())
                .contains("aws_network_interface 2/1", "aws_ebs_volume 2/1");
    }

    @Test
    void thePartsOfAnUnmanagedInstanceAreUnmanagedWithIt() {
        List<CloudResource> live = List.of(
                live("aws_instance", "i-1", attrs("id", "i-1")),
                eni("eni-primary", "i-1", 0, false),
                volume("vol-root", "i-1", true, "2026-12-01T10:00:00Z", "2026-12-01T10:00:00Z"));

        assertThat(compare(comparator, live, List.of(), READ).observations())
                .extracting(o -> o.kind() + " " + o.resource().id())
                .containsExactlyInAnyOrder("UNMANAGED i-1", "UNMANAGED eni-primary", "UNMANAGED vol-root");
    }

    private static CloudResource eni(String id, String instance, int deviceIndex, boolean deleteOnTermination) {
        return live(
                "aws_network_interface",
                id,
                attrs(
                        "id",
                        id,
                        "attachment",
                        List.of(Map.of(
                                "attachment_id",
                                "eni-attach-" + id,
                                "device_index",
                                deviceIndex,
                                "instance",
                                instance,
                                "network_card_index",
                                0)),
                        "attachment_delete_on_termination",
                        deleteOnTermination));
    }

    private static CloudResource volume(
            String id, String instance, boolean deleteOnTermination, String created, String attached) {
        return live(
                "aws_ebs_volume",
                id,
                attrs(
                        "id",
                        id,
                        "create_time",
                        created,
                        "attachments",
                        List.of(Map.of(
                                "instance_id",
                                instance,
                                "device_name",
                                "/dev/xvdf",
                                "delete_on_termination",
                                deleteOnTermination,
                                "attach_time",
                                attached))));
    }
}
