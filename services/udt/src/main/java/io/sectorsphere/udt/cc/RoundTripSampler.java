package io.sectorsphere.udt.cc;

import io.sectorsphere.udt.SequenceNumbers;
import java.util.ArrayDeque;

/**
 * Round-trip samples from our own send times and the ACKs that cover them. UDT's smoothed RTT
 * starts from a 100 ms guess and moves slowly, which is unfit for a minimum or for following a
 * queue; a sample here is the time from sending a packet to the first ACK beyond it. While the
 * sender keeps sending, the newest packet an ACK covers arrived just before the peer sent it, so
 * the sample is within a millisecond or so of the round trip; after a pause it can be up to one
 * ACK interval (10 ms) above. One packet per millisecond is timed, in a bounded queue.
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

    /**
     * Forgets the packets timed so far: a loss was reported, and the ACK beyond those behind the
     * hole waits for its repair, which would time the repair rather than the path.
     */
    void discardPending() {
        pending.clear();
    }

    /**
     * The peer reported that {@code arrivedSequence} has just arrived (a NAK on a new gap is sent
     * when the packet after the gap arrives): the round trip of the newest timed packet up to it.
     * A loss then brings a sample of its own moment, even when holes hold every ACK back.
     */
    long onArrival(int arrivedSequence, long nowMicros) {
        return onAck(SequenceNumbers.increment(arrivedSequence), nowMicros);
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
