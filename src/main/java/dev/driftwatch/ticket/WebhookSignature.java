package dev.driftwatch.ticket;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook sink's signature, the way Stripe signs its webhooks: HMAC-SHA256 with the shared secret over
 * {@code timestamp + "." + body}, hex, sent as {@code X-Driftwatch-Signature: t=<timestamp>,v1=<hex>}. The
 * timestamp inside the signed text lets a receiver refuse replays of old messages.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Driftwatch-Signature";

    private WebhookSignature() {}

    /** The header's value for {@code body} sent at {@code epochSeconds}. */
    public static String header(String secret, long epochSeconds, String body) {
        return "t=" + epochSeconds + ",v1=" + hmac(secret, epochSeconds + "." + body);
    }

    static String hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
