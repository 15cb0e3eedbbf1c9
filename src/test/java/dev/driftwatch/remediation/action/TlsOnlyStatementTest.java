package dev.driftwatch.remediation.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftwatch.resource.PolicyJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The merge require-tls writes: other statements kept exactly, idempotent, and what the shipped policy accepts. */
class TlsOnlyStatementTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OTHERS = """
            {"Version":"2012-10-17","Id":"keep-me","Statement":[
              {"Sid":"ReadForCdn","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/cdn"},
               "Action":["s3:GetObject"],"Resource":"arn:aws:s3:::b/*"},
              {"Effect":"Deny","Principal":"*","Action":"s3:DeleteBucket","Resource":"arn:aws:s3:::b",
               "Condition":{"StringNotEquals":{"aws:PrincipalAccount":"111122223333"}}}]}
            """;

    @Test
    void addsTheStatementAndKeepsEveryOtherExactly() throws Exception {
        JsonNode merged = JSON.readTree(TlsOnlyStatement.merged(Optional.of(OTHERS), "b"));
        JsonNode before = JSON.readTree(OTHERS);

        assertThat(merged.get("Version")).isEqualTo(before.get("Version"));
        assertThat(merged.get("Id")).isEqualTo(before.get("Id"));
        assertThat(merged.get("Statement")).hasSize(3);
        assertThat(merged.get("Statement").get(0))
                .isEqualTo(before.get("Statement").get(0));
        assertThat(merged.get("Statement").get(1))
                .isEqualTo(before.get("Statement").get(1));
        assertThat(merged.get("Statement").get(2)).isEqualTo(JSON.readTree("""
                        {"Sid":"DriftwatchDenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*",
                         "Resource":["arn:aws:s3:::b","arn:aws:s3:::b/*"],
                         "Condition":{"Bool":{"aws:SecureTransport":"false"}}}
                        """));
    }

    @Test
    void aBucketWithoutAPolicyGetsJustTheStatement() throws Exception {
        JsonNode merged = JSON.readTree(TlsOnlyStatement.merged(Optional.empty(), "b"));

        assertThat(merged.get("Version").asText()).isEqualTo("2012-10-17");
        assertThat(merged.get("Statement")).hasSize(1);
        assertThat(merged.get("Statement").get(0).get("Sid").asText()).isEqualTo(TlsOnlyStatement.SID);
    }

    @Test
    void isIdempotent() throws Exception {
        String once = TlsOnlyStatement.merged(Optional.of(OTHERS), "b");

        assertThat(TlsOnlyStatement.present(Optional.of(once))).isTrue();
        assertThat(TlsOnlyStatement.merged(Optional.of(once), "b")).isEqualTo(once);
    }

    @Test
    void aSingleStatementObjectIsKeptAndAnOlderOwnStatementReplaced() throws Exception {
        String single = """
                {"Version":"2012-10-17","Statement":{"Sid":"Own","Effect":"Allow","Principal":"*","Action":"s3:GetObject",
                 "Resource":"arn:aws:s3:::b/*"}}""";
        String loosened = TlsOnlyStatement.merged(Optional.of(single), "b")
                .replace("\"Deny\"", "\"Allow\""); // someone changed ours by hand

        assertThat(TlsOnlyStatement.present(Optional.of(loosened))).isFalse();
        JsonNode merged = JSON.readTree(TlsOnlyStatement.merged(Optional.of(loosened), "b"));
        assertThat(merged.get("Statement")).hasSize(2);
        assertThat(merged.get("Statement").get(0).get("Sid").asText()).isEqualTo("Own");
        assertThat(merged.get("Statement").get(1).get("Effect").asText()).isEqualTo("Deny");
    }

    @Test
    void someoneElsesTlsDenyCountsAsPresent() throws Exception {
        String theirs = """
                {"Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*",
                 "Condition":{"BoolIfExists":{"aws:securetransport":["false"]}}}]}""";

        assertThat(TlsOnlyStatement.present(Optional.of(theirs))).isTrue();
        assertThat(TlsOnlyStatement.present(Optional.of(OTHERS))).isFalse();
        assertThat(TlsOnlyStatement.present(Optional.empty())).isFalse();
    }

    @Test
    void whatItWritesSatisfiesTheShippedPolicyOnceCanonical() throws Exception {
        Pattern shipped = shippedPattern();

        assertThat(shipped.matcher(PolicyJson.canonical(OTHERS)).find()).isFalse();
        assertThat(shipped.matcher(PolicyJson.canonical(TlsOnlyStatement.merged(Optional.of(OTHERS), "b")))
                        .find())
                .isTrue();
        assertThat(shipped.matcher(PolicyJson.canonical(TlsOnlyStatement.merged(Optional.empty(), "b")))
                        .find())
                .isTrue();
    }

    @Test
    void aPolicyThatIsNotJsonIsNotConcludedOn() {
        assertThatThrownBy(() -> TlsOnlyStatement.present(Optional.of("not json")))
                .isInstanceOf(TlsOnlyStatement.Unreadable.class);
        assertThatThrownBy(() -> TlsOnlyStatement.merged(Optional.of("[1]"), "b"))
                .isInstanceOf(TlsOnlyStatement.Unreadable.class);
    }

    /** The pattern of {@code policies/s3/s3-bucket-tls-only.yaml}, as its CEL {@code matches} applies it. */
    private static Pattern shippedPattern() throws Exception {
        String text = Files.readString(Path.of("policies/s3/s3-bucket-tls-only.yaml"));
        Matcher raw = Pattern.compile("matches\\(r'(.*)'\\)").matcher(text);
        assertThat(raw.find()).isTrue();
        return Pattern.compile(raw.group(1));
    }
}
