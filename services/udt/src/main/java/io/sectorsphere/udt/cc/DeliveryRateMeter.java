package io.sectorsphere.udt.cc;

import io.sectorsphere.udt.SequenceNumbers;

/**
 * The rate at which the peer received our packets, measured at the sender from what the ACKs
 * and NAKs say arrived, rather than taken from the receive rate the peer reports.
 *
 * <p>Why: the peer's rate comes from the intervals between its last 16 arrivals as its event loop
 * timestamps them; a receiver that reads datagrams in batches (recvmmsg, or one descheduled for a
 * few milliseconds on a busy host) sees intervals of a few microseconds within a batch and reports
 * several times the link rate. What arrived does not depend on the receiver's timing.
 *
 * <p>The count of packets that arrived is known exactly at two kinds of moments: an ACK beyond
 * every reported loss (all packets before it arrived), and a NAK on a new gap (sent when the
 * packet after the gap arrived: all packets up to that one arrived except the losses not yet
 * repaired). A sample spans two such moments, at least {@link #MIN_SPAN_MICROS} apart (or
 * longer, as the caller asks), so that the milliseconds by which a busy receiver's ACK timer or
 * our own event loop runs late stay a small error. Relying on ACKs alone would leave long lossy paths without samples: at 0.1 %
 * loss on 200 ms, a hole waits for its repair most of the time.
 */
final class DeliveryRateMeter {

    /** Several full ACK intervals (10 to 20 ms each). */
    static final long MIN_SPAN_MICROS = 50_000;

    /** A delivery rate and the rate at which the same packets were sent, in packets per second. */
    record Sample(double deliveryRate, double sendRate) {
    }

    private final ReportedLosses losses;
    private final SendTimeline sendTimes = new SendTimeline();
    /** The packets before this one had arrived at the last exact moment, except the then unrepaired losses. */
    private int pointEnd;
    private int pointUnrepaired;
    /** Negative until the first packet left: the time before holds the handshake and the start of the application. */
    private long pointAtMicros = -1;

    DeliveryRateMeter(ReportedLosses losses, int firstSequence) {
        this.losses = losses;
        this.pointEnd = firstSequence;
    }

    /** A new packet (not a retransmission) left. */
    void onSent(int sequence, long nowMicros) {
        if (pointAtMicros < 0) {
            pointAtMicros = nowMicros;
        }
        sendTimes.onSent(sequence, nowMicros);
    }

    /**
     * After {@link ReportedLosses#onAck}: the ACK moved to {@code ackSequence}. A sample spans at
     * least {@code minSpanMicros}, and never less than {@link #MIN_SPAN_MICROS}.
     */
    Sample onAck(int ackSequence, long nowMicros, long minSpanMicros) {
        return losses.holeBefore(ackSequence) ? null : exactMoment(ackSequence, nowMicros, minSpanMicros);
    }

    /** After {@link ReportedLosses#onLoss}, with what it returned. */
    Sample onLoss(boolean newGap, long nowMicros, long minSpanMicros) {
        if (!newGap) {
            return null;
        }
        int arrived = SequenceNumbers.increment(losses.newestLost());
        return exactMoment(SequenceNumbers.increment(arrived), nowMicros, minSpanMicros);
    }

    private Sample exactMoment(int end, long nowMicros, long minSpanMicros) {
        if (SequenceNumbers.compare(end, pointEnd) <= 0) {
            return null;
        }
        long span = nowMicros - pointAtMicros;
        if (pointAtMicros < 0 || span < Math.max(MIN_SPAN_MICROS, minSpanMicros)) {
            return null;
        }
        int delivered = SequenceNumbers.offset(pointEnd, end) - (losses.unrepairedCount() - pointUnrepaired);
        Sample sample = new Sample(Math.max(0, delivered) * 1e6 / span, sendTimes.rateUntil(pointEnd, end));
        pointEnd = end;
        pointUnrepaired = losses.unrepairedCount();
        pointAtMicros = nowMicros;
        return sample;
    }
}
