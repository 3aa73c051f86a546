package io.sectorsphere.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccessTokensTest {

    @Test
    void aTokenMatchesItsOwnHashOnly() {
        String token = AccessTokens.newToken();
        String hash = AccessTokens.sha256Hex(token);

        assertThat(token).hasSize(43).doesNotContain("=", "+", "/");
        assertThat(AccessTokens.matches(token, hash)).isTrue();
        assertThat(AccessTokens.matches(token, hash.toUpperCase())).isTrue();
        assertThat(AccessTokens.matches(token + "x", hash)).isFalse();
        assertThat(AccessTokens.matches(AccessTokens.newToken(), hash)).isFalse();
    }

    @Test
    void hashesAsSha256Hex() {
        assertThat(AccessTokens.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void missingOrMalformedValuesNeverMatch() {
        assertThat(AccessTokens.matches(null, AccessTokens.sha256Hex("a"))).isFalse();
        assertThat(AccessTokens.matches("a", null)).isFalse();
        assertThat(AccessTokens.matches("a", "not hex")).isFalse();
        assertThat(AccessTokens.matches("a", "ab")).isFalse();
    }
}
