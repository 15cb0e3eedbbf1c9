package dev.driftwatch.resource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Policy documents in one canonical form: keys sorted, no whitespace. The provider keeps a policy as it
 * was written when AWS's copy is equivalent, and AWS hands it back as it was stored (IAM URL-encoded),
 * so both sides are brought to this form before they are compared.
 */
public final class PolicyJson {

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private PolicyJson() {}

    /** The canonical form of a JSON document; a value that is not JSON is returned as it is. */
    public static String canonical(String json) {
        if (json == null || json.isBlank()) {
            return json;
        }
        try {
            return MAPPER.writeValueAsString(MAPPER.readValue(json, Object.class));
        } catch (JsonProcessingException e) {
            return json;
        }
    }
}
