package io.sectorsphere.transfer.ticket;

import java.time.Instant;
import java.util.Objects;

/**
 * What a storage node allows the holder of a ticket to do on a transfer agent: one operation on
 * the bytes {@code [offset, offset + length)} of one file until {@code expiresAt}. The nonce makes
 * every ticket distinct, so two grants for the same range never share a signature.
 *
 * @param operation read a range, or write the whole file
 * @param fileName  the Sector file name
 * @param offset    the first byte allowed
 * @param length    how many bytes from {@code offset} are allowed
 * @param expiresAt the instant after which the ticket is refused (millisecond precision)
 * @param nonce     random bytes chosen by the signer
 */
public record Ticket(TicketOperation operation, String fileName, long offset, long length, Instant expiresAt,
                     byte[] nonce) {

    public static final int NONCE_BYTES = 16;

    public Ticket {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(nonce, "nonce");
        if (offset < 0 || length < 0 || offset + length < 0) {
            throw new IllegalArgumentException("a ticket's range must be non-negative and not overflow");
        }
        if (nonce.length != NONCE_BYTES) {
            throw new IllegalArgumentException("a ticket's nonce is " + NONCE_BYTES + " bytes");
        }
        nonce = nonce.clone();
        expiresAt = Instant.ofEpochMilli(expiresAt.toEpochMilli());
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    /** Whether {@code [from, from + count)} lies inside this ticket's range. */
    public boolean covers(long from, long count) {
        return from >= offset && count >= 0 && from + count >= from && from + count <= offset + length;
    }
}
