package io.sectorsphere.chord.simulation;

import io.sectorsphere.chord.ChordNode;
import io.sectorsphere.chord.Entry;
import io.sectorsphere.chord.LookupStep;
import io.sectorsphere.chord.Member;
import io.sectorsphere.chord.Neighbours;
import io.sectorsphere.chord.NodeId;
import io.sectorsphere.chord.NodeRef;
import io.sectorsphere.chord.PeerUnavailableException;
import io.sectorsphere.chord.ReadStep;
import io.sectorsphere.chord.RingPeer;
import io.sectorsphere.chord.RingTransport;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A transport that delivers ring calls by calling the target node directly, so thousands of real
 * {@link ChordNode}s can run in one JVM. A node that was never attached, or was detached (crashed),
 * is unavailable exactly as a dead host would be.
 */
public final class InMemoryNetwork implements RingTransport {

    private final Map<String, ChordNode> nodes = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    public void attach(ChordNode node) {
        nodes.put(node.self().address(), node);
    }

    /** Removes the node from the network at once, as a crash would. */
    public void detach(NodeRef node) {
        nodes.remove(node.address());
    }

    /** Ring calls delivered so far. */
    public long calls() {
        return calls.get();
    }

    @Override
    public RingPeer peer(NodeRef node) {
        return new Link(node);
    }

    private final class Link implements RingPeer {

        private final NodeRef target;

        Link(NodeRef target) {
            this.target = target;
        }

        private ChordNode reach() {
            ChordNode node = nodes.get(target.address());
            if (node == null) {
                throw new PeerUnavailableException(target, "not on the network");
            }
            calls.incrementAndGet();
            return node;
        }

        @Override
        public LookupStep step(NodeId key) {
            return reach().step(key);
        }

        @Override
        public ReadStep readStep(String name) {
            return reach().readStep(name);
        }

        @Override
        public Neighbours neighbours() {
            return reach().neighbours();
        }

        @Override
        public void notify(NodeRef candidate) {
            reach().notify(candidate);
        }

        @Override
        public void ping() {
            reach().ping();
        }

        @Override
        public void store(List<Entry> entries, boolean primary) {
            reach().store(List.copyOf(entries), primary);
        }

        @Override
        public List<Entry> fetch(String name) {
            return reach().fetch(name);
        }

        @Override
        public List<Entry> entriesIn(NodeId from, NodeId to) {
            return reach().entriesIn(from, to);
        }

        @Override
        public void departed(NodeRef leaver, Optional<NodeRef> leaverPredecessor, List<NodeRef> leaverSuccessors) {
            reach().departed(leaver, leaverPredecessor, List.copyOf(leaverSuccessors));
        }

        @Override
        public List<Member> gossip(List<Member> rumours) {
            return reach().gossip(List.copyOf(rumours));
        }

        @Override
        public List<Member> members() {
            return reach().members();
        }
    }
}
