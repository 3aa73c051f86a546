package io.sectorsphere.udt.cc.simulation;

/**
 * A bottleneck path: rate, round-trip propagation delay, random loss on the forward path and a
 * drop-tail queue sized in bandwidth-delay products. Packets are {@link #PACKET_BYTES} long.
 */
record LinkSpec(double megabitsPerSecond, int rttMillis, double randomLoss, double queueBdps, long seed) {

    static final int PACKET_BYTES = 1500;

    static LinkSpec clean(double megabitsPerSecond, int rttMillis) {
        return new LinkSpec(megabitsPerSecond, rttMillis, 0, 1, 42);
    }

    static LinkSpec lossy(double megabitsPerSecond, int rttMillis, double randomLoss) {
        return new LinkSpec(megabitsPerSecond, rttMillis, randomLoss, 1, 42);
    }

    double packetsPerSecond() {
        return megabitsPerSecond * 1_000_000 / (PACKET_BYTES * 8.0);
    }

    long oneWayDelayNanos() {
        return rttMillis * 1_000_000L / 2;
    }

    int queuePackets() {
        return Math.max(16, (int) Math.round(packetsPerSecond() * rttMillis / 1000.0 * queueBdps));
    }
}
