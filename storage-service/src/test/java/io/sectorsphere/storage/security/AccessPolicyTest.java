package io.sectorsphere.storage.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import io.sectorsphere.common.security.AccessTokens;
import io.sectorsphere.storage.TestSettings;
import io.sectorsphere.storage.config.StorageProperties;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    private static final String ALICE = AccessTokens.newToken();
    private static final String BOB = AccessTokens.newToken();

    private final AccessPolicy policy = policy(List.of("10.0.0.0/8", "::1/128"), false);

    @Test
    void writerNeedsAnAllowedAddressAndAValidToken() {
        assertThat(policy.requireWriter("10.1.2.3", "Bearer " + ALICE)).isEqualTo("alice");
        assertThat(policy.requireWriter("0:0:0:0:0:0:0:1", "bearer " + BOB)).isEqualTo("bob");
        assertDenied("192.168.1.1", "Bearer " + ALICE, AccessDeniedException.Reason.ADDRESS);
        assertDenied("10.1.2.3", null, AccessDeniedException.Reason.TOKEN);
        assertDenied("10.1.2.3", "Bearer " + ALICE + "x", AccessDeniedException.Reason.TOKEN);
        assertDenied("10.1.2.3", "Basic " + ALICE, AccessDeniedException.Reason.TOKEN);
        assertDenied("10.1.2.3", "Bearer " + AccessTokens.sha256Hex(ALICE), AccessDeniedException.Reason.TOKEN);
        assertDenied("not-an-address", "Bearer " + ALICE, AccessDeniedException.Reason.ADDRESS);
    }

    @Test
    void readsAreOpenUnlessSwitchedToTokenOnly() {
        assertThatNoException().isThrownBy(() -> policy.requireReader(null));
        AccessPolicy tokenOnly = policy(List.of("127.0.0.0/8"), true);
        assertThatExceptionOfType(UnauthenticatedException.class).isThrownBy(() -> tokenOnly.requireReader(null));
        assertThatExceptionOfType(UnauthenticatedException.class).isThrownBy(() -> tokenOnly.requireReader("Bearer x"));
        assertThatNoException().isThrownBy(() -> tokenOnly.requireReader("Bearer " + BOB));
    }

    @Test
    void configurationHoldsHashesNeverTokens() {
        assertThatIllegalArgumentException().isThrownBy(() -> new StorageProperties.Account("carol", ALICE))
                .withMessageContaining("SHA-256");
        assertThatIllegalArgumentException().isThrownBy(() -> new StorageProperties.Security(List.of("10.0.0/8"),
                List.of(), false));
    }

    private void assertDenied(String address, String authorization, AccessDeniedException.Reason reason) {
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> policy.requireWriter(address, authorization))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static AccessPolicy policy(List<String> allow, boolean readRequiresToken) {
        StorageProperties.Security security = new StorageProperties.Security(allow, List.of(
                new StorageProperties.Account("alice", AccessTokens.sha256Hex(ALICE)),
                new StorageProperties.Account("bob", AccessTokens.sha256Hex(BOB).toUpperCase())), readRequiresToken);
        return new AccessPolicy(TestSettings.with(security));
    }
}
