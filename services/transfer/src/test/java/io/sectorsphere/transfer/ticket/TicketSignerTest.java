package io.sectorsphere.transfer.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sectorsphere.transfer.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TicketSignerTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final TicketSigner signer = new TicketSigner(SECRET, clock);

    @Test
    void aTicketAllowsItsOperationOnAnyPartOfItsRangeUntilItExpires() throws Exception {
        String ticket = signer.sign(TicketOperation.READ, "demo/a.bin", 100, 1000, Duration.ofSeconds(60));

        Ticket read = signer.verify(ticket, TicketOperation.READ, "demo/a.bin", 100, 1000);
        signer.verify(ticket, TicketOperation.READ, "demo/a.bin", 500, 600);
        clock.advance(Duration.ofSeconds(60));
        signer.verify(ticket, TicketOperation.READ, "demo/a.bin", 1099, 1);

        assertThat(read.fileName()).isEqualTo("demo/a.bin");
        assertThat(read.expiresAt()).isEqualTo(Instant.parse("2026-01-01T00:01:00Z"));
    }

    @Test
    void anExpiredTicketIsRefused() {
        String ticket = signer.sign(TicketOperation.READ, "a", 0, 10, Duration.ofSeconds(5));
        clock.advance(Duration.ofMillis(5001));

        assertRejected(() -> signer.verify(ticket, TicketOperation.READ, "a", 0, 10),
                TicketRejectedException.Reason.EXPIRED);
    }

    @Test
    void aTicketSignedWithAnotherSecretIsRefusedAsForged() {
        TicketSigner stranger = new TicketSigner("another secret of thirty-two by!".getBytes(), clock);
        String ticket = stranger.sign(TicketOperation.READ, "a", 0, 10, Duration.ofSeconds(5));

        assertRejected(() -> signer.verify(ticket, TicketOperation.READ, "a", 0, 10),
                TicketRejectedException.Reason.FORGED);
    }

    @Test
    void changingAnyByteOfATicketMakesItForged() {
        byte[] ticket = Base64.getUrlDecoder().decode(
                signer.sign(TicketOperation.READ, "a", 0, 10, Duration.ofSeconds(5)));
        for (int i = 0; i < ticket.length; i++) {
            byte[] tampered = Arrays.copyOf(ticket, ticket.length);
            tampered[i] ^= 0x01;
            String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(tampered);
            assertRejected(() -> signer.authentic(encoded), TicketRejectedException.Reason.FORGED);
        }
    }

    @Test
    void aTicketAllowsOnlyItsOperationFileAndRange() {
        String ticket = signer.sign(TicketOperation.READ, "a", 100, 100, Duration.ofSeconds(5));

        assertRejected(() -> signer.verify(ticket, TicketOperation.WRITE, "a", 100, 100),
                TicketRejectedException.Reason.WRONG_OPERATION);
        assertRejected(() -> signer.verify(ticket, TicketOperation.READ, "b", 100, 100),
                TicketRejectedException.Reason.WRONG_FILE);
        assertRejected(() -> signer.verify(ticket, TicketOperation.READ, "a", 99, 10),
                TicketRejectedException.Reason.OUT_OF_RANGE);
        assertRejected(() -> signer.verify(ticket, TicketOperation.READ, "a", 150, 51),
                TicketRejectedException.Reason.OUT_OF_RANGE);
        assertRejected(() -> signer.verify(ticket, TicketOperation.READ, "a", Long.MAX_VALUE, 10),
                TicketRejectedException.Reason.OUT_OF_RANGE);
    }

    @Test
    void garbageIsRefusedAsMalformed() {
        for (String garbage : new String[] {"", "not base64!", "AAAA", "x".repeat(5000)}) {
            assertRejected(() -> signer.authentic(garbage), TicketRejectedException.Reason.MALFORMED);
        }
    }

    @Test
    void aShortSecretIsNotAccepted() {
        assertThatThrownBy(() -> new TicketSigner(new byte[31], clock)).isInstanceOf(IllegalArgumentException.class);
    }

    private interface Verification {
        void run() throws TicketRejectedException;
    }

    private static void assertRejected(Verification verification, TicketRejectedException.Reason reason) {
        assertThatThrownBy(verification::run).isInstanceOfSatisfying(TicketRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
