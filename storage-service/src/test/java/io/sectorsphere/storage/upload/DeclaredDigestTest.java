package io.sectorsphere.storage.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DeclaredDigestTest {

    private static final String HEX = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static final String BASE64 = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(HEX));

    @Test
    void readsSha256FromRfc9530HeadersAndSectorsOwn() {
        assertThat(DeclaredDigest.sha256("sha-256=:" + BASE64 + ":", null, null)).hasValue(HEX);
        assertThat(DeclaredDigest.sha256(null, "sha-512=:AAAA:, sha-256=:" + BASE64 + ":", null)).hasValue(HEX);
        assertThat(DeclaredDigest.sha256(null, null, "sha256:" + HEX.toUpperCase())).hasValue(HEX);
        assertThat(DeclaredDigest.sha256("sha-256=:" + BASE64 + ":", null, "sha256:" + HEX)).hasValue(HEX);
    }

    @Test
    void declaresNothingWithoutASha256() {
        assertThat(DeclaredDigest.sha256(null, null, null)).isEmpty();
        assertThat(DeclaredDigest.sha256("sha-512=:AAAA:", null, null)).isEmpty();
    }

    @Test
    void refusesMalformedOrDisagreeingHeaders() {
        assertThatIllegalArgumentException().isThrownBy(() -> DeclaredDigest.sha256("sha-256=" + BASE64, null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> DeclaredDigest.sha256("sha-256=:AAAA:", null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> DeclaredDigest.sha256(null, null, "md5:abcdef"));
        assertThatIllegalArgumentException().isThrownBy(
                () -> DeclaredDigest.sha256("sha-256=:" + BASE64 + ":", null, "sha256:" + "0".repeat(64)));
    }
}
