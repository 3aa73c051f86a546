package io.sectorsphere.transfer.ticket;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies tickets with HMAC-SHA256 under the cluster's shared secret, so a transfer
 * agent can check a storage node's grant without asking it. A ticket travels as base64url of:
 *
 * <pre>
 *  +---------+---------+-----------------------------+
 *  | version |   op    |  expiry, epoch ms (int64)   |
 *  +---------+---------+-----------------------------+
 *  |  offset (int64)   |  length (int64)             |
 *  +-------------------+-----------------------------+
 *  |  nonce (16 bytes)                               |
 *  +-------------------+-----------------------------+
 *  | name length (u16) |  name, UTF-8                |
 *  +-------------------+-----------------------------+
 *  |  HMAC-SHA256 over everything above (32 bytes)   |
 *  +-------------------------------------------------+
 * </pre>
 *
 * The signature is compared in constant time and checked before any field is believed.
 */
public final class TicketSigner {

    public static final int MIN_SECRET_BYTES = 32;
    /** The most bytes of an encoded ticket: the fixed fields, a name of 255 bytes and the MAC. */
    public static final int MAX_ENCODED_BYTES = 2 + 8 + 8 + 8 + Ticket.NONCE_BYTES + 2 + 255 + 32;

    private static final int VERSION = 1;
    private static final int MAC_BYTES = 32;
    private static final int FIXED_BYTES = 2 + 8 + 8 + 8 + Ticket.NONCE_BYTES + 2;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public TicketSigner(byte[] secret, Clock clock) {
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the ticket secret must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
        this.clock = clock;
    }

    /** A ticket for {@code operation} on {@code [offset, offset + length)} of the file, valid for {@code ttl}. */
    public String sign(TicketOperation operation, String fileName, long offset, long length, Duration ttl) {
        byte[] nonce = new byte[Ticket.NONCE_BYTES];
        random.nextBytes(nonce);
        return encode(new Ticket(operation, fileName, offset, length, clock.instant().plus(ttl), nonce));
    }

    /** The signed, encoded form of {@code ticket}. */
    public String encode(Ticket ticket) {
        byte[] name = ticket.fileName().getBytes(StandardCharsets.UTF_8);
        if (name.length > 0xffff) {
            throw new IllegalArgumentException("file name too long for a ticket");
        }
        ByteBuffer body = ByteBuffer.allocate(FIXED_BYTES + name.length + MAC_BYTES);
        body.put((byte) VERSION).put((byte) ticket.operation().code())
                .putLong(ticket.expiresAt().toEpochMilli())
                .putLong(ticket.offset()).putLong(ticket.length())
                .put(ticket.nonce())
                .putShort((short) name.length).put(name);
        body.put(mac(body.array(), body.position()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(body.array());
    }

    /**
     * The ticket, if it is genuine, unexpired and allows {@code operation} on {@code [offset,
     * offset + length)} of {@code fileName}.
     */
    public Ticket verify(String encoded, TicketOperation operation, String fileName, long offset, long length)
            throws TicketRejectedException {
        Ticket ticket = authentic(encoded);
        if (clock.instant().isAfter(ticket.expiresAt())) {
            throw new TicketRejectedException(TicketRejectedException.Reason.EXPIRED,
                    "ticket expired at " + ticket.expiresAt());
        }
        if (ticket.operation() != operation) {
            throw new TicketRejectedException(TicketRejectedException.Reason.WRONG_OPERATION,
                    "ticket allows " + ticket.operation() + ", not " + operation);
        }
        if (!ticket.fileName().equals(fileName)) {
            throw new TicketRejectedException(TicketRejectedException.Reason.WRONG_FILE,
                    "ticket is for another file");
        }
        if (!ticket.covers(offset, length)) {
            throw new TicketRejectedException(TicketRejectedException.Reason.OUT_OF_RANGE,
                    "ticket does not cover bytes " + offset + "+" + length);
        }
        return ticket;
    }

    /** The ticket if its signature is ours, whatever it allows. */
    public Ticket authentic(String encoded) throws TicketRejectedException {
        byte[] bytes = decodeBase64(encoded);
        if (bytes.length < FIXED_BYTES + MAC_BYTES || bytes.length > MAX_ENCODED_BYTES) {
            throw malformed("ticket has " + bytes.length + " bytes");
        }
        int signed = bytes.length - MAC_BYTES;
        byte[] expected = mac(bytes, signed);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(bytes, signed, bytes.length))) {
            throw new TicketRejectedException(TicketRejectedException.Reason.FORGED, "ticket signature is wrong");
        }
        ByteBuffer body = ByteBuffer.wrap(bytes, 0, signed);
        try {
            int version = body.get() & 0xff;
            if (version != VERSION) {
                throw malformed("ticket version " + version);
            }
            TicketOperation operation = TicketOperation.ofCode(body.get() & 0xff);
            Instant expiresAt = Instant.ofEpochMilli(body.getLong());
            long offset = body.getLong();
            long length = body.getLong();
            byte[] nonce = new byte[Ticket.NONCE_BYTES];
            body.get(nonce);
            int nameLength = body.getShort() & 0xffff;
            if (nameLength != body.remaining()) {
                throw malformed("ticket name length does not match");
            }
            byte[] name = new byte[nameLength];
            body.get(name);
            return new Ticket(operation, new String(name, StandardCharsets.UTF_8), offset, length, expiresAt, nonce);
        } catch (IllegalArgumentException e) {
            throw malformed(e.getMessage());
        }
    }

    private static byte[] decodeBase64(String encoded) throws TicketRejectedException {
        if (encoded == null || encoded.length() > MAX_ENCODED_BYTES * 2) {
            throw malformed("ticket missing or too long");
        }
        try {
            return Base64.getUrlDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw malformed("ticket is not base64url");
        }
    }

    private static TicketRejectedException malformed(String message) {
        return new TicketRejectedException(TicketRejectedException.Reason.MALFORMED, message);
    }

    private byte[] mac(byte[] data, int length) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(data, 0, length);
            return mac.doFinal();
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
