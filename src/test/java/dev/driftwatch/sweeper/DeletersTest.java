package dev.driftwatch.sweeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftwatch.aws.AwsSession;
import dev.driftwatch.resource.CloudResource;
import dev.driftwatch.resource.ResourceTypeCatalog;
import dev.driftwatch.resource.ResourceTypeDescriptor;
import dev.driftwatch.resource.Scope;
import dev.driftwatch.sweeper.delete.Deleter;
import dev.driftwatch.sweeper.delete.Deletion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order types are deleted in, from the descriptors: whatever holds a dependency goes in an earlier level. */
class DeletersTest {

    @Test
    void everyTypeComesAfterTheTypesItWaitsFor() {
        List<Deleter> all = ResourceTypeCatalog.all().stream()
                .filter(ResourceTypeDescriptor::swept)
                .map(d -> deleter(d.type()))
                .toList();
        List<List<String>> levels = new Deleters(all, ResourceTypeCatalog.all()).levels();

        assertThat(levels.get(0)).contains("aws_instance", "aws_s3_bucket").doesNotContain("aws_vpc");
        for (ResourceTypeDescriptor d : ResourceTypeCatalog.all()) {
            if (d.swept()) {
                for (String before : d.sweep().after()) {
                    assertThat(level(levels, before))
                            .as(before + " before " + d.type())
                            .isLessThan(level(levels, d.type()));
                }
            }
        }
        assertThat(level(levels, "aws_vpc")).isGreaterThan(level(levels, "aws_subnet"));
        assertThat(level(levels, "aws_subnet")).isGreaterThan(level(levels, "aws_network_interface"));
        assertThat(level(levels, "aws_network_interface")).isGreaterThan(level(levels, "aws_instance"));
    }

    @Test
    void aTypeWithoutADeleterDoesNotHoldBackTheOthers() {
        List<List<String>> levels =
                new Deleters(List.of(deleter("aws_vpc"), deleter("aws_instance")), ResourceTypeCatalog.all()).levels();

        assertThat(levels).containsExactly(List.of("aws_instance", "aws_vpc"));
    }

    @Test
    void aCycleOrADeleterForATypeNotSweptFailsTheStart() {
        List<ResourceTypeDescriptor> cyclic = List.of(swept("aws_a", "aws_b"), swept("aws_b", "aws_a"));
        assertThatThrownBy(() -> new Deleters(List.of(deleter("aws_a"), deleter("aws_b")), cyclic))
                .hasMessageContaining("cycle");
        assertThatThrownBy(() -> new Deleters(List.of(deleter("aws_iam_access_key")), ResourceTypeCatalog.all()))
                .hasMessageContaining("does not say sweptAfter");
    }

    private static int level(List<List<String>> levels, String type) {
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).contains(type)) {
                return i;
            }
        }
        throw new AssertionError(type + " is in no level");
    }

    private static ResourceTypeDescriptor swept(String type, String after) {
        return ResourceTypeDescriptor.builder(type, "x", Scope.REGIONAL)
                .stateAliasOf(type)
                .sweptAfter(after)
                .build();
    }

    private static Deleter deleter(String type) {
        return new Deleter() {
            @Override
            public String resourceType() {
                return type;
            }

            @Override
            public List<String> iamActions() {
                return List.of();
            }

            @Override
            public Deletion delete(AwsSession session, CloudResource resource) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
