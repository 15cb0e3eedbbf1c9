package dev.driftwatch.resource;

import java.util.Map;

/**
 * How one type's import id is built from what driftwatch collected, as the AWS provider 5.x documents it
 * under "Import". Mostly the id Terraform stores, but not always; a rule that cannot build one says why,
 * so no wrong import block is ever written.
 */
@FunctionalInterface
public interface ImportRule {

    /** The id Terraform stores (i-, sg-, vpc-, a name, an ARN, ...). */
    ImportRule RESOURCE_ID = (id, attributes, region) -> ImportId.of(id);

    /** The region the resource is in (one setting per account and region). */
    ImportRule REGION = (id, attributes, region) -> ImportId.of(region);

    /** @param attributes what the collector read, never {@code null} */
    ImportId of(String id, Map<String, Object> attributes, String region);

    /** The value of one collected attribute (a DB instance's {@code identifier}, a bucket part's {@code bucket}). */
    static ImportRule attribute(String name) {
        return (id, a, region) -> a.get(name) == null || a.get(name).toString().isBlank()
                ? ImportId.cannot("the snapshot has no " + name)
                : ImportId.of(a.get(name).toString());
    }

    /** Two collected attributes joined by {@code separator}, e.g. {@code role/policy-arn}. */
    static ImportRule pair(String first, String separator, String second) {
        return (id, a, region) -> a.get(first) == null || a.get(second) == null
                ? ImportId.cannot("the snapshot has no " + first + " or " + second)
                : ImportId.of(a.get(first) + separator + a.get(second));
    }

    /** No import id can be given, for this reason. */
    static ImportRule cannot(String reason) {
        return (id, a, region) -> ImportId.cannot(reason);
    }
}
