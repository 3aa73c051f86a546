package io.sectorsphere.udt.cc;

import io.sectorsphere.udt.SequenceNumbers;
import java.util.ArrayDeque;

/**
 * Round-trip samples from our own send times and the ACKs that cover them. UDT's smoothed RTT
 * starts from a 100 ms guess and moves slowly, which is unfit for a minimum; a sample here is the
 * time from sending a packet to the first ACK beyond it, at most one ACK interval (10 ms, or 64
 * packets) above the true round trip. One packet per millisecond is timed, in a bounded queue.
 */
final class RoundTripSampler {

    private static final long SPACING_MICROS = 1_000;
    private static final int MAX_PENDING = 4_096;

    private record Sent(int sequence, long atMicros) {
    }

    private final ArrayDeque<Sent> pending = new ArrayDeque<>();
    private long lastTimedMicros;

    void onSent(int sequence, long nowMicros) {
        boolean due = pending.isEmpty() || nowMicros - lastTimedMicros >= SPACING_MICROS;
        if (due && pending.size() < MAX_PENDING) {
            pending.addLast(new Sent(sequence, nowMicros));
            lastTimedMicros = nowMicros;
        }
    }

    /** The round trip of the newest timed packet this ACK covers, or -1 if it covers none. */
    long onAck(int ackSequence, long nowMicros) {
        long sample = -1;
        while (!pending.isEmpty() && SequenceNumbers.compare(pending.peekFirst().sequence(), ackSequence) < 0) {
            sample = nowMicros - pending.pollFirst().atMicros();
        }
        return sample;
    }
}
