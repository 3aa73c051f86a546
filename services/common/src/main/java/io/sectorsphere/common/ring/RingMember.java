package io.sectorsphere.common.ring;

/**
 * A locator on the Chord ring.
 *
 * @param id its 128-bit ring position, 32 hexadecimal digits: the SHA-1 prefix of {@code address}
 * @param address the {@code host:port} it serves its API on
 */
public record RingMember(String id, String address) {
}
