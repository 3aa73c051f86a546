package io.sectorsphere.udt.engine;

/**
 * Recent full ACKs by number, so that an ACK2 echoing one gives a round-trip sample. Fixed
 * size: older ACKs are forgotten, and an ACK2 for an unknown number gives nothing.
 */
final class AckHistory {

    private static final int SIZE = 1024;

    private final int[] numbers = new int[SIZE];
    private final int[] sequences = new int[SIZE];
    private final long[] sentMicros = new long[SIZE];
    private int next;
    private int stored;

    void store(int ackNumber, int sequence, long nowMicros) {
        numbers[next] = ackNumber;
        sequences[next] = sequence;
        sentMicros[next] = nowMicros;
        next = (next + 1) % SIZE;
        stored = Math.min(stored + 1, SIZE);
    }

    /** The round trip of ACK {@code ackNumber} in µs (writing its sequence to {@code sequenceOut[0]}), or -1. */
    long acknowledge(int ackNumber, long nowMicros, int[] sequenceOut) {
        for (int i = 1; i <= stored; i++) {
            int slot = (next - i + SIZE) % SIZE;
            if (numbers[slot] == ackNumber) {
                sequenceOut[0] = sequences[slot];
                return nowMicros - sentMicros[slot];
            }
        }
        return -1;
    }
}
