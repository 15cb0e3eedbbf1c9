package dev.driftwatch.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.testsupport.KafkaBroker;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The list the policy check uses is the list of collectors the service has: adding a collector updates both. */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
class ResourceTypesIT {

    @Inject
    Inventory inventory;

    @Test
    void theListedTypesAreExactlyTheCollectedOnes() {
        assertThat(ResourceTypes.COLLECTED).containsExactlyInAnyOrderElementsOf(inventory.supportedTypes());
    }
}
