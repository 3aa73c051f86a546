package io.sectorsphere.udt.cc.simulation;

import io.sectorsphere.udt.cc.CongestionControl;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Flows sharing one bottleneck for a stretch of virtual time; reports each flow's goodput as a
 * fraction of the link rate over the measured stretch (after a warm-up).
 */
final class Scenario {

    private final LinkSpec spec;
    private final EventLoop loop = new EventLoop();
    private final Bottleneck link;
    private final List<SimulatedFlow> flows = new ArrayList<>();
    private final List<Long> startNanos = new ArrayList<>();
    private long receiverReadIntervalNanos;

    Scenario(LinkSpec spec) {
        this.spec = spec;
        this.link = new Bottleneck(loop, spec);
    }

    /** A UDT flow under {@code control}, starting {@code startSeconds} into the run. */
    Scenario udt(Supplier<CongestionControl> control, double startSeconds) {
        return add(new UdtSender(loop, link, control.get(), 1 + flows.size(), receiverReadIntervalNanos), startSeconds);
    }

    /** UDT flows added from now on have receivers that take their datagrams once per {@code micros}. */
    Scenario busyReceivers(long micros) {
        receiverReadIntervalNanos = micros * 1_000;
        return this;
    }

    Scenario tcpCubic(double startSeconds) {
        return add(new TcpCubicFlow(loop, link), startSeconds);
    }

    private Scenario add(SimulatedFlow flow, double startSeconds) {
        flows.add(flow);
        startNanos.add((long) (startSeconds * 1e9));
        return this;
    }

    /** Runs until {@code endSeconds}; shares are measured from {@code measureFromSeconds}. */
    Result run(double measureFromSeconds, double endSeconds) {
        for (int i = 0; i < flows.size(); i++) {
            loop.at(startNanos.get(i), flows.get(i)::start);
        }
        loop.runUntil((long) (measureFromSeconds * 1e9));
        long[] before = flows.stream().mapToLong(SimulatedFlow::deliveredPackets).toArray();
        loop.runUntil((long) (endSeconds * 1e9));
        double capacity = spec.packetsPerSecond() * (endSeconds - measureFromSeconds);
        double[] shares = new double[flows.size()];
        for (int i = 0; i < shares.length; i++) {
            shares[i] = (flows.get(i).deliveredPackets() - before[i]) / capacity;
        }
        return new Result(shares, link.queueDrops(), link.randomDrops(), link.accepted());
    }

    record Result(double[] shares, long queueDrops, long randomDrops, long accepted) {

        double total() {
            double sum = 0;
            for (double share : shares) {
                sum += share;
            }
            return sum;
        }

        /** Jain's fairness index: 1 when all flows get the same, 1/n when one gets everything. */
        double jainIndex() {
            double sumOfSquares = 0;
            for (double share : shares) {
                sumOfSquares += share * share;
            }
            return total() * total() / (shares.length * sumOfSquares);
        }

        double queueDropRate() {
            return (double) queueDrops / (accepted + queueDrops);
        }

        @Override
        public String toString() {
            return "shares=" + java.util.Arrays.toString(shares) + " total=" + String.format("%.3f", total())
                    + " jain=" + String.format("%.3f", jainIndex()) + " queueDrops=" + queueDrops
                    + " randomDrops=" + randomDrops + " accepted=" + accepted;
        }
    }
}
