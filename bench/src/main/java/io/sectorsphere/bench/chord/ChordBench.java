package io.sectorsphere.bench.chord;

import io.sectorsphere.chord.ChordSettings;
import io.sectorsphere.chord.LookupResult;
import io.sectorsphere.chord.NodeId;
import io.sectorsphere.chord.simulation.RingSimulation;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * Builds stable rings of N production ring nodes over the in-memory network and measures the hops
 * of random lookups from random nodes, routed (plain Chord) and with the membership view, on a
 * stable ring and under 1 % churn per round. The peers are the Chord paper's analysis, a mean path
 * of ½·log2 N ({@code ratio_paper = mean_hops / (½·log2 N)}), and routing alone in the same run
 * ({@code ratio_routed}); lower is better for both.
 */
public final class ChordBench {

    private static final List<Integer> DEFAULT_SIZES = List.of(64, 256, 1024, 4096);
    private static final int LOOKUPS = 20_000;
    private static final int CHURN_ROUNDS = 20;
    private static final int CHURN_LOOKUPS_PER_ROUND = 500;
    private static final long SEED = 2001;

    private record Measured(double meanHops, int p99Hops, int lookups, int wrongOwner) {
    }

    public static void main(String[] args) {
        List<Integer> sizes = args.length == 0 ? DEFAULT_SIZES
                : Arrays.stream(args).map(Integer::parseInt).toList();
        ChordSettings routed = ChordSettings.DEFAULTS.withoutMembershipView();
        ChordSettings view = ChordSettings.DEFAULTS;
        for (int size : sizes) {
            Measured stableRouted = stable(size, routed);
            Measured stableView = stable(size, view);
            print(size, "stable", "routed", stableRouted, stableRouted);
            print(size, "stable", "view", stableView, stableRouted);
            Measured churnRouted = churn(size, routed);
            Measured churnView = churn(size, view);
            print(size, "churn_1pct", "routed", churnRouted, churnRouted);
            print(size, "churn_1pct", "view", churnView, churnRouted);
        }
    }

    private static Measured stable(int nodes, ChordSettings settings) {
        RingSimulation ring = RingSimulation.stableRing(nodes, settings, Clock.systemUTC(), SEED);
        int[] hops = new int[LOOKUPS];
        int wrongOwner = 0;
        for (int i = 0; i < LOOKUPS; i++) {
            NodeId key = NodeId.ofKey("bench-key-" + i);
            LookupResult result = ring.randomLive().lookup(key);
            hops[i] = result.hops();
            if (!result.owner().equals(ring.trueOwner(key))) {
                wrongOwner++;
            }
        }
        return measured(hops, wrongOwner);
    }

    /**
     * Every round, 1 % of the nodes crash and as many join, one maintenance round runs, then lookups
     * from random nodes; about a fifth of the ring is replaced over the run.
     */
    private static Measured churn(int nodes, ChordSettings settings) {
        RingSimulation ring = RingSimulation.stableRing(nodes, settings, Clock.systemUTC(), SEED);
        int perRound = Math.max(1, nodes / 100);
        int[] hops = new int[CHURN_ROUNDS * CHURN_LOOKUPS_PER_ROUND];
        int wrongOwner = 0;
        int lookup = 0;
        for (int round = 0; round < CHURN_ROUNDS; round++) {
            ring.crashRandom(perRound);
            for (int i = 0; i < perRound; i++) {
                ring.join();
            }
            ring.rounds(1);
            for (int i = 0; i < CHURN_LOOKUPS_PER_ROUND; i++) {
                NodeId key = NodeId.ofKey("churn-key-" + round + "-" + i);
                LookupResult result = ring.randomLive().lookup(key);
                hops[lookup++] = result.hops();
                if (!result.owner().equals(ring.trueOwner(key))) {
                    wrongOwner++;
                }
            }
        }
        return measured(hops, wrongOwner);
    }

    private static Measured measured(int[] hops, int wrongOwner) {
        int[] sorted = hops.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElseThrow();
        int p99 = sorted[(int) Math.ceil(0.99 * sorted.length) - 1];
        return new Measured(mean, p99, sorted.length, wrongOwner);
    }

    private static void print(int nodes, String ring, String lookups, Measured measured, Measured routed) {
        double chordPaper = 0.5 * Math.log(nodes) / Math.log(2);
        System.out.printf("nodes=%d ring=%s lookups=%s mean_hops=%.2f p99_hops=%d ratio_paper=%.2f ratio_routed=%.2f"
                        + " wrong_owner=%d of=%d%n",
                nodes, ring, lookups, measured.meanHops(), measured.p99Hops(), measured.meanHops() / chordPaper,
                measured.meanHops() / routed.meanHops(), measured.wrongOwner(), measured.lookups());
    }
}
