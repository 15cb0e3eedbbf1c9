package dev.driftwatch.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenSecretsTest {

    @Test
    void tokensAreRandomPrefixedAndHashedToSha256Hex() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String token = TokenSecrets.generate();
            assertThat(token).startsWith("dwt_").hasSize(4 + 43);
            assertThat(seen.add(token)).isTrue();
        }
        assertThat(TokenSecrets.hash("dwt_x"))
                .hasSize(64)
                .isEqualTo(TokenSecrets.hash("dwt_x"))
                .isNotEqualTo(TokenSecrets.hash("dwt_y"))
                .doesNotContain("dwt_");
        assertThat(TokenSecrets.looksLikeToken("eyJhbGciOi")).isFalse();
    }
}
