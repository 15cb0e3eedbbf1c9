package dev.driftwatch.drift;

import dev.driftwatch.resource.CloudResource;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The network interfaces and volumes that are parts of an EC2 instance: Terraform manages them through the
 * {@code aws_instance} (its primary interface, {@code root_block_device}, {@code ebs_block_device}), never as
 * resources of their own, so they are not UNMANAGED while a state holds their instance.
 * <ul>
 * <li>an interface attached at device index 0 (the primary one), or attached with delete-on-termination (created
 * with the instance: AWS deletes it with the instance);</li>
 * <li>a volume attached with delete-on-termination (the root volume and those of the launch's block device
 * mappings), or attached within {@link #AT_CREATION} of its own creation (created by the launch, as the root volume
 * whose delete-on-termination was turned off).</li>
 * </ul>
 * An interface or volume created on its own and attached later (an {@code aws_volume_attachment}, by hand) is not a part.
 */
final class InstanceParts {

    static final Duration AT_CREATION = Duration.ofSeconds(2);

    private InstanceParts() {}

    /** The id of the instance this live resource is a part of, if it is one. */
    static Optional<String> instanceOf(CloudResource live) {
        return switch (live.type()) {
            case "aws_network_interface" -> ofInterface(live.attributes());
            case "aws_ebs_volume" -> ofVolume(live.attributes());
            default -> Optional.empty();
        };
    }

    private static Optional<String> ofInterface(Map<String, Object> eni) {
        if (!(eni.get("attachment") instanceof List<?> blocks)
                || blocks.isEmpty()
                || !(blocks.get(0) instanceof Map<?, ?> attachment)
                || !(attachment.get("instance") instanceof String instance)
                || instance.isEmpty()) {
            return Optional.empty();
        }
        boolean primary = attachment.get("device_index") instanceof Number n && n.intValue() == 0;
        return primary || Boolean.TRUE.equals(eni.get("attachment_delete_on_termination"))
                ? Optional.of(instance)
                : Optional.empty();
    }

    private static Optional<String> ofVolume(Map<String, Object> volume) {
        if (!(volume.get("attachments") instanceof List<?> attachments)) {
            return Optional.empty();
        }
        Optional<Instant> created = time(volume.get("create_time"));
        for (Object item : attachments) {
            if (item instanceof Map<?, ?> attachment
                    && attachment.get("instance_id") instanceof String instance
                    && !instance.isEmpty()) {
                boolean deletedWithIt = Boolean.TRUE.equals(attachment.get("delete_on_termination"));
                Optional<Instant> attached = time(attachment.get("attach_time"));
                boolean atCreation = created.isPresent()
                        && attached.isPresent()
                        && Duration.between(created.get(), attached.get()).abs().compareTo(AT_CREATION) <= 0;
                if (deletedWithIt || atCreation) {
                    return Optional.of(instance);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Instant> time(Object value) {
        try {
            return value instanceof String s && !s.isEmpty() ? Optional.of(Instant.parse(s)) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
