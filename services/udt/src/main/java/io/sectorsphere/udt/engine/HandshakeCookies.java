package io.sectorsphere.udt.engine;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stateless SYN cookies for the listener: an HMAC of the peer's address, port and the current
 * minute under a random per-endpoint secret, so the listener keeps nothing for a request until
 * the peer proves it received the answer. The previous minute's cookie is still accepted.
 * Used on the event loop only.
 */
final class HandshakeCookies {

    private static final long MINUTE_MICROS = 60_000_000L;

    private final Mac mac;
    private final ByteBuffer input = ByteBuffer.allocate(16 + 4 + 8);

    HandshakeCookies(SecureRandom random) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    int cookie(InetSocketAddress peer, long nowMicros) {
        return compute(peer, nowMicros / MINUTE_MICROS);
    }

    boolean isValid(InetSocketAddress peer, int cookie, long nowMicros) {
        long minute = nowMicros / MINUTE_MICROS;
        return compute(peer, minute) == cookie || compute(peer, minute - 1) == cookie;
    }

    private int compute(InetSocketAddress peer, long minute) {
        input.clear();
        input.put(peer.getAddress().getAddress()).putInt(peer.getPort()).putLong(minute).flip();
        mac.update(input);
        return ByteBuffer.wrap(mac.doFinal()).getInt();
    }
}
