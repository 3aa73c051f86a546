package io.sectorsphere.udt.cc;

import io.sectorsphere.udt.SequenceNumbers;
import java.util.SplittableRandom;

/**
 * UDT 4.11's native rate control (DAIMD): slow start on the window until the first loss, then
 * an additive increase per SYN that grows with the estimated spare capacity and a 1/8
 * multiplicative decrease per congestion epoch, randomised to avoid synchronising flows.
 * Kept faithful to the reference so that our engine can be compared with libudt.
 */
public final class NativeCongestionControl implements CongestionControl {

    /** UDT raised the minimum increase from 1/MSS to 0.01 packets per SYN in 2012. */
    private static final double MIN_INCREASE = 0.01;
    private static final double DECREASE_FACTOR = 1.125;

    private CongestionContext context;
    private long lastRateControlMicros;
    private boolean slowStart;
    private boolean lossSinceLastIncrease;
    private int lastAck;
    private int lastDecreaseSequence;
    private double lastDecreasePeriod;
    private int averageNakCount;
    private int nakCount;
    private int decreaseCount;
    private int decreaseRandom;
    private double windowPackets;
    private double sendPeriodMicros;

    @Override
    public String name() {
        return "native";
    }

    @Override
    public void init(CongestionContext context) {
        this.context = context;
        lastRateControlMicros = context.nowMicros();
        slowStart = true;
        lastAck = context.sendCurrentSequence();
        lossSinceLastIncrease = false;
        lastDecreaseSequence = SequenceNumbers.decrement(lastAck);
        lastDecreasePeriod = 1;
        averageNakCount = 0;
        nakCount = 0;
        decreaseRandom = 1;
        windowPackets = 16;
        sendPeriodMicros = 1;
    }

    @Override
    public void onAck(int ackSequence) {
        long now = context.nowMicros();
        int interval = context.synIntervalMicros();
        if (now - lastRateControlMicros < interval) {
            return;
        }
        lastRateControlMicros = now;
        if (slowStart) {
            windowPackets += SequenceNumbers.length(lastAck, ackSequence);
            lastAck = ackSequence;
            if (windowPackets > context.maxCongestionWindow()) {
                slowStart = false;
                sendPeriodMicros = context.receiveRate() > 0
                        ? 1_000_000.0 / context.receiveRate()
                        : (context.rttMicros() + interval) / windowPackets;
            }
            return;
        }
        windowPackets = context.receiveRate() / 1_000_000.0 * (context.rttMicros() + interval) + 16;
        if (lossSinceLastIncrease) {
            lossSinceLastIncrease = false;
            return;
        }
        double bandwidth = context.bandwidth();
        double spare = bandwidth - 1_000_000.0 / sendPeriodMicros;
        if (sendPeriodMicros > lastDecreasePeriod && bandwidth / 9 < spare) {
            spare = bandwidth / 9;
        }
        double increase;
        if (spare <= 0) {
            increase = MIN_INCREASE;
        } else {
            int mss = context.mss();
            increase = Math.pow(10.0, Math.ceil(Math.log10(spare * mss * 8.0))) * 0.0000015 / mss;
            increase = Math.max(increase, MIN_INCREASE);
        }
        sendPeriodMicros = sendPeriodMicros * interval / (sendPeriodMicros * increase + interval);
    }

    @Override
    public void onLoss(int[] lossList) {
        if (slowStart) {
            slowStart = false;
            if (context.receiveRate() > 0) {
                sendPeriodMicros = 1_000_000.0 / context.receiveRate();
                return;
            }
            sendPeriodMicros = windowPackets / (context.rttMicros() + context.synIntervalMicros());
        }
        lossSinceLastIncrease = true;
        int firstLost = lossList[0] & SequenceNumbers.MAX;
        if (SequenceNumbers.compare(firstLost, lastDecreaseSequence) > 0) {
            lastDecreasePeriod = sendPeriodMicros;
            sendPeriodMicros = Math.ceil(sendPeriodMicros * DECREASE_FACTOR);
            averageNakCount = (int) Math.ceil(averageNakCount * 0.875 + nakCount * 0.125);
            nakCount = 1;
            decreaseCount = 1;
            lastDecreaseSequence = context.sendCurrentSequence();
            // Seeded by the sequence number, as the reference does, so flows decrease at different NAKs.
            decreaseRandom = (int) Math.ceil(averageNakCount * new SplittableRandom(lastDecreaseSequence).nextDouble());
            decreaseRandom = Math.max(decreaseRandom, 1);
        } else if (decreaseCount++ < 5 && ++nakCount % decreaseRandom == 0) {
            // 0.875^5 is about 0.51: at most halve the rate within one congestion epoch.
            sendPeriodMicros = Math.ceil(sendPeriodMicros * DECREASE_FACTOR);
            lastDecreaseSequence = context.sendCurrentSequence();
        }
    }

    @Override
    public void onTimeout() {
        if (slowStart) {
            slowStart = false;
            sendPeriodMicros = context.receiveRate() > 0
                    ? 1_000_000.0 / context.receiveRate()
                    : windowPackets / (context.rttMicros() + context.synIntervalMicros());
        }
    }

    @Override
    public double packetSendPeriodMicros() {
        return sendPeriodMicros;
    }

    @Override
    public double congestionWindowPackets() {
        return windowPackets;
    }
}
