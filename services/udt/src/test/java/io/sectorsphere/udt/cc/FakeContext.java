package io.sectorsphere.udt.cc;

import io.sectorsphere.udt.SequenceNumbers;

/** A connection whose estimates a test sets directly. */
final class FakeContext implements CongestionContext {

    int sendCurrentSequence = 999;
    int rttMicros = 100_000;
    int rttVarianceMicros = 10_000;
    int receiveRate;
    int bandwidth;
    long nowMicros = 1_000_000;
    int maxCongestionWindow = 25_600;

    /** Records {@code packets} new packets as sent through {@code control}, advancing the sequence. */
    void send(CongestionControl control, int packets) {
        for (int i = 0; i < packets; i++) {
            sendCurrentSequence = SequenceNumbers.increment(sendCurrentSequence);
            control.onPacketSent(sendCurrentSequence, false);
        }
    }

    void advance(long micros) {
        nowMicros += micros;
    }

    @Override
    public int mss() {
        return 1500;
    }

    @Override
    public int maxCongestionWindow() {
        return maxCongestionWindow;
    }

    @Override
    public int sendCurrentSequence() {
        return sendCurrentSequence;
    }

    @Override
    public int rttMicros() {
        return rttMicros;
    }

    @Override
    public int rttVarianceMicros() {
        return rttVarianceMicros;
    }

    @Override
    public int receiveRate() {
        return receiveRate;
    }

    @Override
    public int bandwidth() {
        return bandwidth;
    }

    @Override
    public long nowMicros() {
        return nowMicros;
    }
}
