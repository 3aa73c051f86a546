package io.sectorsphere.bench.chord;

import io.sectorsphere.chord.ChordNode;
import io.sectorsphere.chord.ChordSettings;
import io.sectorsphere.chord.LookupResult;
import io.sectorsphere.chord.NodeId;
import io.sectorsphere.chord.simulation.RingSimulation;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * Builds stable rings of N production ring nodes over the in-memory network and measures the hops
 * of random lookups from random nodes. The peer is the Chord paper's analysis: a mean path of
 * ½·log2 N, so {@code ratio = mean_hops / (½·log2 N)} and lower is better.
 */
public final class ChordBench {

    private static final List<Integer> DEFAULT_SIZES = List.of(64, 256, 1024, 4096);
    private static final int LOOKUPS = 20_000;
    private static final long SEED = 2001;

    public static void main(String[] args) {
        List<Integer> sizes = args.length == 0 ? DEFAULT_SIZES
                : Arrays.stream(args).map(Integer::parseInt).toList();
        for (int size : sizes) {
            System.out.println(measure(size));
        }
    }

    private static String measure(int nodes) {
        RingSimulation ring = RingSimulation.stableRing(nodes, ChordSettings.DEFAULTS, Clock.systemUTC(), SEED);
        int[] hops = new int[LOOKUPS];
        int wrongOwner = 0;
        for (int i = 0; i < LOOKUPS; i++) {
            NodeId key = NodeId.ofKey("bench-key-" + i);
            ChordNode start = ring.randomLive();
            LookupResult result = start.lookup(key);
            hops[i] = result.hops();
            if (!result.owner().equals(ring.trueOwner(key))) {
                wrongOwner++;
            }
        }
        Arrays.sort(hops);
        double mean = Arrays.stream(hops).average().orElseThrow();
        int p99 = hops[(int) Math.ceil(0.99 * LOOKUPS) - 1];
        double chordPaper = 0.5 * Math.log(nodes) / Math.log(2);
        return String.format("nodes=%d mean_hops=%.2f p99_hops=%d ratio=%.2f lookups=%d wrong_owner=%d",
                nodes, mean, p99, mean / chordPaper, LOOKUPS, wrongOwner);
    }
}
