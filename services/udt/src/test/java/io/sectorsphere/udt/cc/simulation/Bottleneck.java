package io.sectorsphere.udt.cc.simulation;

import java.util.ArrayDeque;
import java.util.SplittableRandom;

/**
 * The forward path: a FIFO served at the link rate with a drop-tail queue, then random loss,
 * then the one-way propagation delay. Each packet costs one event (its arrival), since a FIFO's
 * departure times follow from the previous departure alone.
 */
final class Bottleneck {

    private final EventLoop loop;
    private final long serviceNanos;
    private final int queuePackets;
    private final long oneWayDelayNanos;
    private final double randomLoss;
    private final SplittableRandom random;
    private final ArrayDeque<Long> departures = new ArrayDeque<>();
    private long lastDepartureNanos;
    private long queueDrops;
    private long randomDrops;
    private long accepted;

    Bottleneck(EventLoop loop, LinkSpec spec) {
        this.loop = loop;
        this.serviceNanos = Math.round(1_000_000_000.0 / spec.packetsPerSecond());
        this.queuePackets = spec.queuePackets();
        this.oneWayDelayNanos = spec.oneWayDelayNanos();
        this.randomLoss = spec.randomLoss();
        this.random = new SplittableRandom(spec.seed());
    }

    /** Queues a data packet whose {@code arrival} runs at the far end unless the packet is lost. */
    void send(Runnable arrival) {
        long now = loop.nowNanos();
        while (!departures.isEmpty() && departures.peekFirst() <= now) {
            departures.pollFirst();
        }
        if (departures.size() >= queuePackets) {
            queueDrops++;
            return;
        }
        accepted++;
        lastDepartureNanos = Math.max(now, lastDepartureNanos) + serviceNanos;
        departures.addLast(lastDepartureNanos);
        if (randomLoss > 0 && random.nextDouble() < randomLoss) {
            randomDrops++;
            return;
        }
        loop.at(lastDepartureNanos + oneWayDelayNanos, arrival);
    }

    /**
     * Delivers a small control packet (UDT's ACK2) on the forward path: it waits behind the
     * queue, as on a real link, but is too small to take capacity or to be dropped.
     */
    void sendControl(Runnable arrival) {
        long queueing = Math.max(0, lastDepartureNanos - loop.nowNanos());
        loop.after(queueing + oneWayDelayNanos, arrival);
    }

    /** The reverse path: propagation delay only. */
    void sendBack(Runnable arrival) {
        loop.after(oneWayDelayNanos, arrival);
    }

    long queueDrops() {
        return queueDrops;
    }

    long randomDrops() {
        return randomDrops;
    }

    long accepted() {
        return accepted;
    }
}
