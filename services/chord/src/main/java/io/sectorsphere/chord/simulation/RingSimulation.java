package io.sectorsphere.chord.simulation;

import io.sectorsphere.chord.ChordNode;
import io.sectorsphere.chord.ChordSettings;
import io.sectorsphere.chord.NodeId;
import io.sectorsphere.chord.NodeRef;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

/**
 * Many ring nodes in one JVM over an {@link InMemoryNetwork}, driven in rounds: in each round every
 * live node runs the periodic protocol once, in random order. The nodes are the production
 * {@link ChordNode}s; only the transport and the scheduling are simulated.
 */
public final class RingSimulation {

    private final InMemoryNetwork network = new InMemoryNetwork();
    private final List<ChordNode> live = new ArrayList<>();
    private final TreeMap<NodeId, ChordNode> ring = new TreeMap<>();
    private final ChordSettings settings;
    private final Clock clock;
    private final Random random;
    private int nextAddress;

    public RingSimulation(ChordSettings settings, Clock clock, long seed) {
        this.settings = settings;
        this.clock = clock;
        this.random = new Random(seed);
    }

    /**
     * Builds a stable ring of {@code size} nodes. Nodes join one at a time, and a maintenance round
     * runs each time the ring has grown by a quarter: joins arrive slower than the ring repairs
     * itself, as in a deployment where stabilization runs every fraction of a second.
     */
    public static RingSimulation stableRing(int size, ChordSettings settings, Clock clock, long seed) {
        RingSimulation simulation = new RingSimulation(settings, clock, seed);
        while (simulation.size() < size) {
            int batch = Math.min(size - simulation.size(), Math.max(1, simulation.size() / 4));
            for (int i = 0; i < batch; i++) {
                simulation.join();
            }
            simulation.rounds(1);
        }
        simulation.runUntilConsistent(64);
        simulation.rounds(1);
        return simulation;
    }

    /**
     * Adds a node that joins through a random live node. Its new neighbours stabilize at once, as
     * they would within one stabilization period.
     */
    public ChordNode join() {
        NodeRef ref = NodeRef.of("node-" + nextAddress++ + ".sim:6100");
        ChordNode node = new ChordNode(ref, network, settings, clock);
        network.attach(node);
        if (live.isEmpty()) {
            node.create();
        } else {
            node.join(randomLive().self());
            node.stabilize();
            Map.Entry<NodeId, ChordNode> before = ring.lowerEntry(ref.id());
            (before != null ? before : ring.lastEntry()).getValue().stabilize();
        }
        live.add(node);
        ring.put(ref.id(), node);
        return node;
    }

    /** Crashes a node: it vanishes from the network without a word. */
    public void crash(ChordNode node) {
        network.detach(node.self());
        live.remove(node);
        ring.remove(node.self().id());
    }

    /** Takes a node out gracefully: it hands over its entries and tells its neighbours, then goes. */
    public void leave(ChordNode node) {
        node.leave();
        crash(node);
    }

    /** Crashes {@code count} random live nodes at once and returns them. */
    public List<ChordNode> crashRandom(int count) {
        List<ChordNode> shuffled = new ArrayList<>(live);
        Collections.shuffle(shuffled, random);
        List<ChordNode> victims = List.copyOf(shuffled.subList(0, count));
        victims.forEach(this::crash);
        return victims;
    }

    /** Runs {@code count} maintenance rounds on every live node. */
    public void rounds(int count) {
        for (int i = 0; i < count; i++) {
            List<ChordNode> order = new ArrayList<>(live);
            Collections.shuffle(order, random);
            order.forEach(ChordNode::checkPredecessor);
            order.forEach(ChordNode::stabilize);
            order.forEach(ChordNode::fixFingers);
            order.forEach(ChordNode::replicate);
            order.forEach(ChordNode::gossip);
        }
    }

    /** Runs rounds until every successor and predecessor pointer is right; returns the rounds used. */
    public int runUntilConsistent(int maxRounds) {
        for (int round = 0; round < maxRounds; round++) {
            if (isConsistent()) {
                return round;
            }
            rounds(1);
        }
        if (!isConsistent()) {
            throw new IllegalStateException("ring not consistent after " + maxRounds + " rounds: " + inconsistencies(5));
        }
        return maxRounds;
    }

    /** True if every live node's predecessor and whole successor list are its true neighbours. */
    public boolean isConsistent() {
        return inconsistencies(1).isEmpty();
    }

    /** Up to {@code limit} descriptions of nodes whose predecessor or successor list is wrong. */
    public List<String> inconsistencies(int limit) {
        List<NodeRef> nodes = sortedRing();
        int listLength = Math.min(settings.successorListLength(), nodes.size() - 1);
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < nodes.size() && wrong.size() < limit; i++) {
            ChordNode node = nodeAt(nodes.get(i));
            List<NodeRef> expectedSuccessors = new ArrayList<>();
            for (int j = 1; j <= listLength; j++) {
                expectedSuccessors.add(nodes.get((i + j) % nodes.size()));
            }
            Optional<NodeRef> expectedPredecessor = nodes.size() == 1 ? Optional.empty()
                    : Optional.of(nodes.get((i - 1 + nodes.size()) % nodes.size()));
            if (!node.successors().equals(expectedSuccessors) || !node.predecessor().equals(expectedPredecessor)) {
                wrong.add(node.self() + ": successors " + node.successors() + " (expected " + expectedSuccessors
                        + "), predecessor " + node.predecessor() + " (expected " + expectedPredecessor + ")");
            }
        }
        return wrong;
    }

    /** The live node that should own {@code key}: its successor among the live ids. */
    public NodeRef trueOwner(NodeId key) {
        Map.Entry<NodeId, ChordNode> owner = ring.ceilingEntry(key);
        return (owner != null ? owner : ring.firstEntry()).getValue().self();
    }

    public ChordNode randomLive() {
        return live.get(random.nextInt(live.size()));
    }

    public List<ChordNode> live() {
        return List.copyOf(live);
    }

    public int size() {
        return live.size();
    }

    public InMemoryNetwork network() {
        return network;
    }

    public Random random() {
        return random;
    }

    private ChordNode nodeAt(NodeRef ref) {
        ChordNode node = ring.get(ref.id());
        if (node == null) {
            throw new IllegalStateException(ref + " is not live");
        }
        return node;
    }

    private List<NodeRef> sortedRing() {
        return ring.values().stream().map(ChordNode::self).toList();
    }
}
