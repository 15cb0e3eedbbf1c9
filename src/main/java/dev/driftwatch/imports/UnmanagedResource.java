package dev.driftwatch.imports;

import java.util.Map;

/** An open UNMANAGED finding with the attributes of its latest snapshot (empty when there is none). */
public record UnmanagedResource(String account, String region, String type, String id, Map<String, Object> attributes) {

    public UnmanagedResource {
        attributes = attributes == null ? Map.of() : attributes;
    }
}
