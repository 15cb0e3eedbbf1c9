package dev.driftwatch.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The webhook signature: HMAC-SHA256 over timestamp + "." + body, as Stripe signs its webhooks. */
class WebhookSignatureTest {

    @Test
    void signsTheTimestampAndTheBody() {
        // RFC 4231 test case 2 (key "Jefe"), to check the HMAC itself against a published value
        assertThat(WebhookSignature.hmac("Jefe", "what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        String header = WebhookSignature.header("whsec", 1_764_930_000L, "{\"action\":\"create\"}");
        assertThat(header)
                .isEqualTo("t=1764930000,v1=" + WebhookSignature.hmac("whsec", "1764930000.{\"action\":\"create\"}"));
        assertThat(WebhookSignature.header("whsec", 1_764_930_001L, "{\"action\":\"create\"}"))
                .as("another timestamp")
                .isNotEqualTo(header);
        assertThat(WebhookSignature.header("other", 1_764_930_000L, "{\"action\":\"create\"}"))
                .as("another secret")
                .isNotEqualTo(header);
    }
}
