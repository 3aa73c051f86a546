package io.sectorsphere.udt.cc;

import io.sectorsphere.udt.SequenceNumbers;

/**
 * New packets sent and new packets reported lost since the last {@link #restart}. A loss counts
 * once, however often NAKs repeat it: only sequence numbers beyond the highest already counted
 * are new (a lost retransmission is therefore not counted again, which is harmless for a rate).
 */
final class LossTally {

    private int sent;
    private int lost;
    private int highestCounted;

    LossTally(int lastSentSequence) {
        highestCounted = lastSentSequence;
    }

    void onSent() {
        sent++;
    }

    void onLoss(int[] lossList) {
        for (int i = 0; i < lossList.length; i++) {
            int first = lossList[i] & SequenceNumbers.MAX;
            int last = lossList[i] < 0 && i + 1 < lossList.length ? lossList[++i] : first;
            if (SequenceNumbers.compare(last, highestCounted) <= 0) {
                continue;
            }
            if (SequenceNumbers.compare(first, highestCounted) <= 0) {
                first = SequenceNumbers.increment(highestCounted);
            }
            lost += SequenceNumbers.length(first, last);
            highestCounted = last;
        }
    }

    int sent() {
        return sent;
    }

    int lost() {
        return lost;
    }

    double lossRate() {
        return sent == 0 ? 0 : (double) lost / sent;
    }

    void restart() {
        sent = 0;
        lost = 0;
    }
}
