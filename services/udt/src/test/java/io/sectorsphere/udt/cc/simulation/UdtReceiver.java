package io.sectorsphere.udt.cc.simulation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * UDT's receiver side as the congestion controllers see it: a light ACK every 64 packets, a
 * full ACK every SYN (10 ms) when the acknowledged sequence moved, carrying RTT, receive rate and
 * packet-pair bandwidth, ACK2 for RTT, a NAK as soon as a gap appears, and a NAK timer repeating
 * losses not yet repaired (max(RTT + 4 RTT variance, 30 ms), as our engine's).
 */
final class UdtReceiver {

    static final long SYN_NANOS = 10_000_000;
    private static final int LIGHT_ACK_PACKETS = 64;

    private final EventLoop loop;
    private final Bottleneck link;
    private final MedianRate arrivals = new MedianRate(true);
    private final MedianRate probePairs = new MedianRate(false);
    /** Missing sequence numbers and when each was last reported. */
    private final TreeMap<Integer, Long> losses = new TreeMap<>();
    private final Map<Integer, Long> fullAckTimes = new HashMap<>();
    private UdtSender sender;
    private int expected;
    private long delivered;
    private long lastArrivalNanos = -1;
    private long probeStartNanos = -1;
    private int sinceLightAck;
    private int lastFullAck;
    private int ackId;
    private int rttMicros = 100_000;
    private int rttVarianceMicros = 50_000;

    UdtReceiver(EventLoop loop, Bottleneck link, int firstSequence) {
        this.loop = loop;
        this.link = link;
        this.expected = firstSequence;
        this.lastFullAck = firstSequence;
    }

    void connect(UdtSender sender) {
        this.sender = sender;
        loop.every(SYN_NANOS, this::onSyn);
    }

    void onData(int sequence) {
        long now = loop.nowNanos();
        if (lastArrivalNanos >= 0) {
            arrivals.record(now - lastArrivalNanos);
        }
        lastArrivalNanos = now;
        if ((sequence & 0xF) == 0) {
            probeStartNanos = now;
        } else if ((sequence & 0xF) == 1 && probeStartNanos >= 0) {
            probePairs.record(now - probeStartNanos);
        }
        if (sequence >= expected) {
            if (sequence > expected) {
                for (int lost = expected; lost < sequence; lost++) {
                    losses.put(lost, now);
                }
                int[] report = {expected | 0x8000_0000, sequence - 1};
                int[] nak = sequence - 1 == expected ? new int[] {expected} : report;
                link.sendBack(() -> sender.onNak(nak));
            }
            expected = sequence + 1;
            delivered++;
        } else if (losses.remove(sequence) != null) {
            delivered++;
        }
        if (++sinceLightAck >= LIGHT_ACK_PACKETS) {
            sinceLightAck = 0;
            int ack = ackNumber();
            link.sendBack(() -> sender.onLightAck(ack));
        }
    }

    void onAck2(int id) {
        Long sent = fullAckTimes.remove(id);
        if (sent == null) {
            return;
        }
        int sample = (int) ((loop.nowNanos() - sent) / 1000);
        rttVarianceMicros = (rttVarianceMicros * 3 + Math.abs(sample - rttMicros)) >> 2;
        rttMicros = (rttMicros * 7 + sample) >> 3;
    }

    long deliveredPackets() {
        return delivered;
    }

    private int ackNumber() {
        return losses.isEmpty() ? expected : losses.firstKey();
    }

    private void onSyn() {
        repeatStaleLosses();
        int ack = ackNumber();
        if (ack == lastFullAck) {
            return;
        }
        lastFullAck = ack;
        int id = ++ackId;
        fullAckTimes.put(id, loop.nowNanos());
        fullAckTimes.remove(id - 1024);
        int rtt = rttMicros;
        int rttVar = rttVarianceMicros;
        int rate = arrivals.packetsPerSecond();
        int bandwidth = probePairs.packetsPerSecond();
        link.sendBack(() -> sender.onFullAck(ack, id, rtt, rttVar, rate, bandwidth));
    }

    private void repeatStaleLosses() {
        long now = loop.nowNanos();
        long staleBefore = now - Math.max((rttMicros + 4L * rttVarianceMicros) * 1000, 3 * SYN_NANOS);
        List<Integer> stale = new ArrayList<>();
        for (Map.Entry<Integer, Long> loss : losses.entrySet()) {
            if (loss.getValue() < staleBefore) {
                stale.add(loss.getKey());
                loss.setValue(now);
            }
        }
        if (!stale.isEmpty()) {
            int[] nak = stale.stream().mapToInt(Integer::intValue).toArray();
            link.sendBack(() -> sender.onNak(nak));
        }
    }
}
