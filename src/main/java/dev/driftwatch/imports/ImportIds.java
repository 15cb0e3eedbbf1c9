package dev.driftwatch.imports;

import dev.driftwatch.resource.ImportId;
import dev.driftwatch.resource.ResourceTypeCatalog;
import dev.driftwatch.resource.ResourceTypeDescriptor;
import java.util.Map;

/**
 * The id {@code terraform import} (and an {@code import} block) needs for each collected type, built by its
 * descriptor's {@link dev.driftwatch.resource.ImportRule} from what driftwatch collected. A type without a
 * descriptor, or whose id cannot be built, gets a reason instead, so no wrong block is ever written.
 */
final class ImportIds {

    private ImportIds() {}

    static ImportId of(String type, String id, Map<String, Object> attributes, String region) {
        return ResourceTypeCatalog.find(type)
                .filter(ResourceTypeDescriptor::collected)
                .map(d -> d.importRule().of(id, attributes == null ? Map.of() : attributes, region))
                .orElseGet(() -> ImportId.cannot("no import id format is known for this type"));
    }

    static boolean knows(String type) {
        return ResourceTypeCatalog.find(type)
                .filter(ResourceTypeDescriptor::collected)
                .isPresent();
    }
}
