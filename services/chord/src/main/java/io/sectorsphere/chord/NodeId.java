package io.sectorsphere.chord;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A 128-bit position on the Chord ring: the first 128 bits of a SHA-1 digest, as Sector derives
 * node ids from {@code host:port} and file ids from file names.
 *
 * <p>Held as two longs compared unsigned, so ring arithmetic allocates nothing big on the lookup
 * path.
 */
public record NodeId(long high, long low) implements Comparable<NodeId> {

    /** Number of bits in an id, and so the number of fingers of a node. */
    public static final int BITS = 128;

    private static final int HEX_LENGTH = BITS / 4;
    private static final double TWO_TO_64 = 0x1p64;

    /** The id of the node serving at {@code address} ({@code host:port}). */
    public static NodeId ofAddress(String address) {
        return ofBytes(address.getBytes(StandardCharsets.UTF_8));
    }

    /** The id of a stored key, such as a file name. */
    public static NodeId ofKey(String key) {
        return ofBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    private static NodeId ofBytes(byte[] input) {
        byte[] digest = sha1().digest(input);
        return new NodeId(readLong(digest, 0), readLong(digest, 8));
    }

    /**
     * Parses the 32-digit hexadecimal form written by {@link #toHex()}.
     *
     * @throws IllegalArgumentException if {@code hex} is not exactly 32 hexadecimal digits
     */
    public static NodeId parse(String hex) {
        if (hex == null || hex.length() != HEX_LENGTH) {
            throw new IllegalArgumentException("a node id is " + HEX_LENGTH + " hexadecimal digits");
        }
        try {
            return new NodeId(Long.parseUnsignedLong(hex, 0, 16, 16), Long.parseUnsignedLong(hex, 16, 32, 16));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a node id is " + HEX_LENGTH + " hexadecimal digits", e);
        }
    }

    /** {@code (this + 2^exponent) mod 2^128}: the start of finger {@code exponent}. */
    public NodeId plusPowerOfTwo(int exponent) {
        if (exponent < 0 || exponent >= BITS) {
            throw new IllegalArgumentException("exponent out of range: " + exponent);
        }
        long addHigh = exponent >= 64 ? 1L << (exponent - 64) : 0;
        long addLow = exponent < 64 ? 1L << exponent : 0;
        long newLow = low + addLow;
        long carry = Long.compareUnsigned(newLow, low) < 0 ? 1 : 0;
        return new NodeId(high + addHigh + carry, newLow);
    }

    /** True if this id lies in the ring interval {@code (from, to)}, both ends excluded. */
    public boolean isBetween(NodeId from, NodeId to) {
        int fromTo = from.compareTo(to);
        if (fromTo < 0) {
            return compareTo(from) > 0 && compareTo(to) < 0;
        }
        if (fromTo > 0) {
            return compareTo(from) > 0 || compareTo(to) < 0;
        }
        // (x, x) is the whole ring but x itself.
        return !equals(from);
    }

    /** True if this id lies in the ring interval {@code (from, to]}; {@code (x, x]} is the whole ring. */
    public boolean isInHalfOpen(NodeId from, NodeId to) {
        return equals(to) || isBetween(from, to);
    }

    /** Clockwise distance from this id to {@code other}, as an id: {@code (other - this) mod 2^128}. */
    public NodeId distanceTo(NodeId other) {
        long newLow = other.low - low;
        long borrow = Long.compareUnsigned(other.low, low) < 0 ? 1 : 0;
        return new NodeId(other.high - high - borrow, newLow);
    }

    /** The fraction of the ring from this id clockwise to {@code other}, in {@code [0, 1)}. */
    public double fractionTo(NodeId other) {
        NodeId distance = distanceTo(other);
        return (unsignedToDouble(distance.high) + unsignedToDouble(distance.low) / TWO_TO_64) / TWO_TO_64;
    }

    public String toHex() {
        return HexFormat.of().toHexDigits(high) + HexFormat.of().toHexDigits(low);
    }

    @Override
    public int compareTo(NodeId other) {
        int byHigh = Long.compareUnsigned(high, other.high);
        return byHigh != 0 ? byHigh : Long.compareUnsigned(low, other.low);
    }

    @Override
    public String toString() {
        return toHex();
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-1", e);
        }
    }

    private static long readLong(byte[] bytes, int offset) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (bytes[offset + i] & 0xff);
        }
        return value;
    }

    private static double unsignedToDouble(long value) {
        double high = (double) (value >>> 1) * 2.0;
        return high + (value & 1);
    }
}
