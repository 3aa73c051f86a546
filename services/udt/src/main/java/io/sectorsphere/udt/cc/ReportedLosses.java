package io.sectorsphere.udt.cc;

import io.sectorsphere.udt.SequenceNumbers;
import java.util.ArrayDeque;

/**
 * The losses the peer reported and the ACKs have not passed yet. UDT's ACK is cumulative: while
 * a lost packet waits for its retransmission the ACK stands still although the packets behind
 * the hole arrive, then jumps past all of them, so timing or counting by such ACKs measures the
 * repair, not the path. A NAK sent on a new gap (its newest loss beyond all earlier ones) also
 * tells which packet has just arrived: the one after the gap.
 */
final class ReportedLosses {

    private record Range(int first, int last) {
    }

    private final ArrayDeque<Range> unrepaired = new ArrayDeque<>();
    private int newestLost;
    private boolean lossSeen;
    private int count;

    /** Takes a NAK's loss list; true when it reported a loss beyond all earlier ones (a new gap). */
    boolean onLoss(int[] lossList) {
        boolean newGap = false;
        for (int i = 0; i < lossList.length; i++) {
            int first = lossList[i] & SequenceNumbers.MAX;
            int last = lossList[i] < 0 && i + 1 < lossList.length ? lossList[++i] : first;
            if (lossSeen && SequenceNumbers.compare(last, newestLost) <= 0) {
                continue;
            }
            if (lossSeen && SequenceNumbers.compare(first, newestLost) <= 0) {
                first = SequenceNumbers.increment(newestLost);
            }
            unrepaired.addLast(new Range(first, last));
            count += SequenceNumbers.length(first, last);
            newestLost = last;
            lossSeen = true;
            newGap = true;
        }
        return newGap;
    }

    /** The ACK moved to {@code ackSequence}: losses before it were repaired. */
    void onAck(int ackSequence) {
        while (!unrepaired.isEmpty() && SequenceNumbers.compare(unrepaired.peekFirst().first(), ackSequence) < 0) {
            Range range = unrepaired.pollFirst();
            count -= SequenceNumbers.length(range.first(), range.last());
            if (SequenceNumbers.compare(range.last(), ackSequence) >= 0) {
                unrepaired.addFirst(new Range(ackSequence, range.last()));
                count += SequenceNumbers.length(ackSequence, range.last());
                return;
            }
        }
    }

    /** Whether an ACK up to (excluding) {@code ackSequence} leaves a reported loss unrepaired. */
    boolean holeBefore(int ackSequence) {
        return lossSeen && SequenceNumbers.compare(ackSequence, newestLost) <= 0;
    }

    int newestLost() {
        return newestLost;
    }

    /** Packets reported lost and not yet passed by the ACK. */
    int unrepairedCount() {
        return count;
    }
}
