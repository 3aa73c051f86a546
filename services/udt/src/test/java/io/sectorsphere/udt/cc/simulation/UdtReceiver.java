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
 *
 * <p>A receiver on a busy host ({@code readIntervalNanos} above 0) takes its datagrams only when
 * its event loop wakes, once per interval, and handles those waiting a few microseconds apart, as
 * our engine does after a {@code recvmmsg} batch or a few milliseconds without a CPU. Its receive
 * rate and packet-pair capacity, measured from those handling times, then show several times the
 * link rate, as they do through the WAN emulator on a loaded machine.
 */
final class UdtReceiver {

    static final long SYN_NANOS = 10_000_000;
    /** How long handling one datagram of a batch takes. */
    private static final long PER_DATAGRAM_NANOS = 2_000;
    private static final int LIGHT_ACK_PACKETS = 64;

    private final EventLoop loop;
    private final Bottleneck link;
    private final long readIntervalNanos;
    private long lastReadNanos;
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

    UdtReceiver(EventLoop loop, Bottleneck link, int firstSequence, long readIntervalNanos) {
        this.loop = loop;
        this.link = link;
        this.readIntervalNanos = readIntervalNanos;
        this.expected = firstSequence;
        this.lastFullAck = firstSequence;
    }

    void connect(UdtSender sender) {
        this.sender = sender;
        loop.every(SYN_NANOS, this::onSyn);
    }

    /** A data packet reached the host; the receiver handles it now or at its next wake-up. */
    void onData(int sequence) {
        if (readIntervalNanos == 0) {
            handle(sequence);
            return;
        }
        long wake = (loop.nowNanos() / readIntervalNanos + 1) * readIntervalNanos;
        lastReadNanos = Math.max(wake, lastReadNanos + PER_DATAGRAM_NANOS);
        loop.at(lastReadNanos, () -> handle(sequence));
    }

    private void handle(int sequence) {
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
