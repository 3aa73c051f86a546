package io.sectorsphere.udt.cc;

import io.sectorsphere.udt.SequenceNumbers;
import java.util.ArrayDeque;

/**
 * When new packets left, one per millisecond in a bounded queue, so that the rate at which a run
 * of packets was sent can be set against the rate at which the same packets arrived.
 */
final class SendTimeline {

    private static final long SPACING_MICROS = 1_000;
    private static final int MAX_ENTRIES = 8_192;

    private record Sent(int sequence, long atMicros) {
    }

    private final ArrayDeque<Sent> entries = new ArrayDeque<>();

    void onSent(int sequence, long nowMicros) {
        Sent last = entries.peekLast();
        if ((last == null || nowMicros - last.atMicros() >= SPACING_MICROS) && entries.size() < MAX_ENTRIES) {
            entries.addLast(new Sent(sequence, nowMicros));
        }
    }

    /**
     * Packets per second at which the packets from {@code first} to before {@code end} were sent,
     * measured between the first and last timed ones among them (0 when fewer than two were
     * timed); forgets the times before {@code end}.
     */
    double rateUntil(int first, int end) {
        Sent from = null;
        Sent to = null;
        while (!entries.isEmpty() && SequenceNumbers.compare(entries.peekFirst().sequence(), end) < 0) {
            Sent sent = entries.pollFirst();
            if (SequenceNumbers.compare(sent.sequence(), first) >= 0) {
                from = from == null ? sent : from;
                to = sent;
            }
        }
        if (from == null || to.atMicros() <= from.atMicros()) {
            return 0;
        }
        return SequenceNumbers.offset(from.sequence(), to.sequence()) * 1e6 / (to.atMicros() - from.atMicros());
    }
}
