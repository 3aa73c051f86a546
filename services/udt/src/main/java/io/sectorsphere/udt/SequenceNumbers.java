package io.sectorsphere.udt;

/**
 * Arithmetic on UDT's 31-bit packet sequence numbers, which wrap at {@code 2^31}.
 * Two numbers are compared by their distance around the circle, as UDT 4.11 does.
 */
public final class SequenceNumbers {

    /** The largest sequence number; the next one is 0. */
    public static final int MAX = 0x7FFFFFFF;

    private static final int THRESHOLD = 0x3FFFFFFF;

    private SequenceNumbers() {
    }

    /** Negative when {@code a} comes before {@code b}, zero when equal, positive after. */
    public static int compare(int a, int b) {
        return Math.abs(a - b) < THRESHOLD ? a - b : b - a;
    }

    /** Packets from {@code first} to {@code last} inclusive; assumes {@code first} is not after {@code last}. */
    public static int length(int first, int last) {
        return first <= last ? last - first + 1 : last - first + MAX + 2;
    }

    /** Signed distance from {@code from} to {@code to}. */
    public static int offset(int from, int to) {
        if (Math.abs(from - to) < THRESHOLD) {
            return to - from;
        }
        return from < to ? to - from - MAX - 1 : to - from + MAX + 1;
    }

    public static int increment(int sequence) {
        return sequence == MAX ? 0 : sequence + 1;
    }

    public static int increment(int sequence, int by) {
        return MAX - sequence >= by ? sequence + by : sequence - MAX + by - 1;
    }

    public static int decrement(int sequence) {
        return sequence == 0 ? MAX : sequence - 1;
    }
}
