package dev.driftwatch.baseline;

import dev.driftwatch.resource.ScanTarget;
import java.util.List;

/**
 * Every expected resource that could be read, and the sources that could not.
 *
 * @param failedSources state sources that could not be read: their resources are unknown this time
 */
public record BaselineSnapshot(List<ExpectedResource> resources, List<StateError> errors, List<String> failedSources) {

    /** The located resources of one account and region. */
    public List<ExpectedResource> in(ScanTarget target) {
        return resources.stream()
                .filter(r -> r.located()
                        && r.resource().account().equals(target.account())
                        && r.resource().region().equals(target.region()))
                .toList();
    }

    /** Resources whose account or region cannot be told: unknown everywhere, compared nowhere. */
    public List<ExpectedResource> unlocated() {
        return resources.stream().filter(r -> !r.located()).toList();
    }

    public boolean complete() {
        return errors.isEmpty();
    }
}
