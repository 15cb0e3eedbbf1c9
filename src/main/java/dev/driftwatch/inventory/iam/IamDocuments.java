package dev.driftwatch.inventory.iam;

import dev.driftwatch.resource.PolicyJson;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** IAM policy documents: AWS returns them URL-encoded (RFC 3986); reported as canonical JSON. */
final class IamDocuments {

    /** The largest page (MaxItems) IAM's list calls allow. */
    static final int PAGE_SIZE = 1000;

    private IamDocuments() {}

    static String policy(String document) {
        if (document == null) {
            return null;
        }
        String json = document.stripLeading().startsWith("{")
                ? document
                : URLDecoder.decode(document, StandardCharsets.UTF_8);
        return PolicyJson.canonical(json);
    }
}
