package dev.driftwatch.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.inventory.ec2.EbsEncryptionByDefaultCollector;
import dev.driftwatch.resource.ResourceTypeCatalog;
import dev.driftwatch.resource.ResourceTypeDescriptor;
import dev.driftwatch.testsupport.KafkaBroker;
import io.quarkus.arc.All;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The list the policy check uses is the list of collectors the service has: adding a collector updates both.
 * Every collected type's descriptor has a collector and every collector a descriptor, which agree on the facts
 * both state.
 */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
class ResourceTypesIT {

    @Inject
    Inventory inventory;

    @Inject
    @All
    List<Collector> collectors;

    @Test
    void theListedTypesAreExactlyTheCollectedOnes() {
        assertThat(ResourceTypes.COLLECTED).containsExactlyInAnyOrderElementsOf(inventory.supportedTypes());
    }

    @Test
    void everyCollectorAgreesWithItsTypesDescriptor() {
        assertThat(collectors)
                .hasSize(ResourceTypeCatalog.collectedTypes().size())
                .allSatisfy(c -> {
                    ResourceTypeDescriptor d = ResourceTypeCatalog.of(c.resourceType());
                    assertThat(d.collected())
                            .as(c.resourceType() + " collected")
                            .isTrue();
                    assertThat(c.service()).as(c.resourceType() + "'s service").isEqualTo(d.service());
                    assertThat(c.global())
                            .as(c.resourceType() + " read in the global" + " scan")
                            .isEqualTo(d.scope().readInGlobalScan());
                });
        assertThat(ResourceTypeCatalog.of("aws_ebs_encryption_by_default")
                        .stateId()
                        .idOf(Map.of()))
                .isEqualTo(EbsEncryptionByDefaultCollector.ID);
    }
}
