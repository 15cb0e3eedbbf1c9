package dev.driftwatch.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.drift.Normaliser;
import dev.driftwatch.resource.ResourceTypeCatalog;
import io.quarkus.arc.All;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Collector tests compare the way a scan does: {@link DriftCheck} applies every normaliser the service has. */
@QuarkusTest
@WithTestResource(KafkaBroker.class)
class DriftCheckIT {

    @Inject
    @All
    List<Normaliser> normalisers;

    @Test
    void driftCheckHasEveryNormaliserOfTheServiceEachForACollectedType() {
        List<String> types = normalisers.stream().map(Normaliser::resourceType).toList();
        assertThat(DriftCheck.normalisers())
                .extracting(Normaliser::resourceType)
                .containsExactlyInAnyOrderElementsOf(types);
        assertThat(types).isNotEmpty().allSatisfy(type -> assertThat(ResourceTypeCatalog.collectedTypes())
                .contains(type));
    }
}
