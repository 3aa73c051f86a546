package io.sectorsphere.udt.cc.simulation;

/** One sender-receiver pair sharing the bottleneck. */
interface SimulatedFlow {

    void start();

    /** Distinct data packets the receiver got so far (goodput, retransmissions counted once). */
    long deliveredPackets();
}
