package dev.driftwatch.baseline;

import dev.driftwatch.resource.ScanTarget;
import java.util.List;

/**
 * Every expected resource that could be read, and the sources that could not.
 *
 * @param failedSources state sources that could not be read: their resources are unknown this time
 */
public record BaselineSnapshot(List<ExpectedResource> resources, List<StateError> errors, List<String> failedSources) {

    public List<ExpectedResource> in(ScanTarget target) {
        return resources.stream()
                .filter(r -> r.resource().account().equals(target.account()) && r.resource().region().equals(target.region()))
                .toList();
    }

    public boolean complete() {
        return errors.isEmpty();
    }
}
