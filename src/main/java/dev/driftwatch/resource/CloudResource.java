package dev.driftwatch.resource;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One resource in Terraform's vocabulary: {@code type} is the Terraform resource type, {@code id} the id
 * Terraform stores and {@code attributes} use the AWS provider's attribute names. Live resources (from
 * collectors) and expected ones (from state files) share this shape so they compare without translation.
 *
 * @param arn        the ARN where AWS has one, else {@code null}
 * @param createdAt  creation time where AWS reports one, else {@code null}
 * @param awsManaged created and owned by AWS (a default VPC, a main route table): not reported unmanaged unless strict
 */
public record CloudResource(
        String type,
        String id,
        String account,
        String region,
        String arn,
        Map<String, Object> attributes,
        Instant createdAt,
        boolean awsManaged) {

    public CloudResource(
            String type,
            String id,
            String account,
            String region,
            String arn,
            Map<String, Object> attributes,
            Instant createdAt) {
        this(type, id, account, region, arn, attributes, createdAt, false);
    }

    public CloudResource {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(region, "region");
        attributes = attributes == null ? Map.of() : attributes;
    }

    /** Its tags ({@code tags}, the provider's map) as strings; empty when it has none. */
    public Map<String, String> tags() {
        Map<String, String> tags = new TreeMap<>();
        if (attributes.get("tags") instanceof Map<?, ?> map) {
            map.forEach((k, v) -> tags.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        }
        return tags;
    }

    public ResourceKey key() {
        return new ResourceKey(type, id);
    }
}
