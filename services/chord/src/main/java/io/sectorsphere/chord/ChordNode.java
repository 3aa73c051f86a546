package io.sectorsphere.chord;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One member of a Chord ring (Stoica et al., SIGCOMM 2001): its routing state, the entries it
 * stores, and the periodic protocol that keeps both right while nodes join, leave and fail.
 *
 * <p>The node never runs anything by itself: a driver calls {@link #stabilize()},
 * {@link #checkPredecessor()}, {@link #fixFingers()}, {@link #replicate()} and {@link #expire()}
 * periodically (a scheduler in a service, rounds in the simulation), and a transport delivers the
 * calls of other nodes to the {@link RingPeer} methods. No lock is held across a remote call.
 *
 * <p>Every entry lives on its key's successor (the owner) and on the owner's next r-1 successors,
 * so a crash loses nothing: the first live successor of a failed owner already holds its entries.
 *
 * <p>With {@link ChordSettings#membershipView()} on, the node also keeps a {@link MembershipView} of
 * the whole ring, fed by what it sees and by {@link #gossip()}, and a lookup asks the owner the view
 * predicts straight away: one hop while the view is right, Chord routing when it is not.
 */
public final class ChordNode implements RingPeer {

    private static final Logger log = LoggerFactory.getLogger(ChordNode.class);
    private static final int FORWARD_CANDIDATES = 3;
    private static final int ENTRIES_PER_CALL = 512;
    /** Predicted owners a lookup asks directly before it falls back to routing. */
    private static final int DIRECT_ATTEMPTS = 2;
    /** Every this many gossip rounds, the exchange pulls the peer's whole view instead of its rumours. */
    private static final int FULL_SYNC_ROUNDS = 32;

    private final NodeRef self;
    private final RingTransport transport;
    private final ChordSettings settings;
    private final Clock clock;
    private final EntryStore store;
    private final FingerTable fingers;
    private final ReplicationState replication = new ReplicationState();
    private final MembershipView membership;

    private volatile NodeRef predecessor;
    /** Nearest first; empty while this node is alone on its ring. */
    private volatile List<NodeRef> successors = List.of();
    private volatile boolean member;
    private volatile boolean stable;

    public ChordNode(NodeRef self, RingTransport transport, ChordSettings settings, Clock clock) {
        this.self = self;
        this.transport = transport;
        this.settings = settings;
        this.clock = clock;
        this.store = new EntryStore(settings.maxEntries());
        this.fingers = new FingerTable(self);
        // A restart reads a later clock, so its incarnation outranks whatever its last life left behind.
        this.membership = new MembershipView(self, clock.millis());
    }

    public NodeRef self() {
        return self;
    }

    // ---- membership ------------------------------------------------------------------------

    /** Starts a new ring with this node alone on it. */
    public void create() {
        predecessor = null;
        successors = List.of();
        member = true;
        stable = true;
        membership.announce();
        log.info("{} created a new ring", self);
    }

    /**
     * Joins the ring that {@code known} is on: finds this node's successor through it, takes over
     * the entries this node is now responsible for, and announces itself to the successor.
     *
     * @throws PeerUnavailableException or {@link LookupFailedException} if the ring cannot be reached
     */
    public void join(NodeRef known) {
        LookupStep first = LookupStep.forward(List.of(known));
        Set<NodeRef> contacted = new HashSet<>(Set.of(self));
        LookupResult found = resolve(self.id(), first, contacted, 0);
        NodeRef successor = null;
        Neighbours theirs = null;
        for (NodeRef candidate : ownerThenFallbacks(found)) {
            // A node restarting at the same address may still be listed by the ring as its own successor.
            if (candidate.equals(self)) {
                continue;
            }
            try {
                theirs = transport.peer(candidate).neighbours();
                successor = candidate;
                break;
            } catch (PeerUnavailableException e) {
                suspect(candidate);
            }
        }
        if (successor == null) {
            throw new LookupFailedException("no successor for " + self + " answered through " + known);
        }
        predecessor = null;
        successors = successorList(successor, theirs.successors());
        startView(successor);
        // Everything the successor holds outside (self, successor]: the keys this node now owns and
        // the replicas it holds from now on for its predecessors, in place of the successor.
        for (List<Entry> batch : chunks(transport.peer(successor).entriesIn(successor.id(), self.id()))) {
            batch.forEach(store::merge);
        }
        member = true;
        stable = false;
        transport.peer(successor).notify(self);
        log.info("{} joined through {} with successor {} and took {} entries", self, known, successor, store.size());
    }

    /**
     * Leaves gracefully: hands this node's entries to the first successor that takes them and
     * tells both neighbours. If none answers, the others notice the absence and repair the ring
     * from the replicas.
     */
    public void leave() {
        member = false;
        List<NodeRef> successorsNow = successors;
        NodeRef predecessorNow = predecessor;
        List<Entry> owned = predecessorNow == null ? store.in(self.id(), self.id())
                : store.in(predecessorNow.id(), self.id());
        for (NodeRef successor : successorsNow) {
            try {
                for (List<Entry> batch : chunks(owned)) {
                    transport.peer(successor).store(batch, false);
                }
                transport.peer(successor).departed(self, Optional.ofNullable(predecessorNow), successorsNow);
            } catch (PeerUnavailableException e) {
                log.info("{} could not hand over to {}: {}", self, successor, e.getMessage());
                continue;
            }
            tellPredecessor(predecessorNow, successor, successorsNow);
            log.info("{} left the ring and handed {} entries to {}", self, owned.size(), successor);
            return;
        }
        if (!successorsNow.isEmpty()) {
            log.warn("{} left without a hand-over: no successor answered", self);
        }
    }

    private void tellPredecessor(NodeRef predecessorNow, NodeRef successor, List<NodeRef> successorsNow) {
        if (predecessorNow == null || predecessorNow.equals(successor)) {
            return;
        }
        try {
            transport.peer(predecessorNow).departed(self, Optional.of(predecessorNow), successorsNow);
        } catch (PeerUnavailableException e) {
            // Its next stabilization finds the successor anyway.
            log.debug("{} could not tell {} it leaves: {}", self, predecessorNow, e.getMessage());
        }
    }

    public boolean isMember() {
        return member;
    }

    /** A member whose successor lists it as predecessor, i.e. its part of the ring is consistent. */
    public boolean isStable() {
        return member && stable;
    }

    // ---- lookups, reads and writes --------------------------------------------------------

    /**
     * Finds the owner of {@code key}: from this node's own tables if they cover it, else by asking the
     * owner the membership view predicts (which answers for its own range), else by routing.
     */
    public LookupResult lookup(NodeId key) {
        return find(key, peer -> ReadStep.of(peer.step(key))).result();
    }

    /**
     * Reads the live entries under {@code name} from the owner of its key, falling back to the
     * owner's successors (which hold replicas) when the owner does not answer or has nothing. An
     * owner asked directly sends its entries with its answer, so such a read costs one hop.
     */
    public ReadResult read(String name) {
        Found found = find(NodeId.ofKey(name), peer -> peer.readStep(name));
        int hops = found.result().hops();
        List<NodeRef> holders = ownerThenFallbacks(found.result());
        boolean askedAfterEmpty = false;
        List<Entry> empty = null;
        NodeRef emptyFrom = null;
        for (NodeRef holder : holders) {
            List<Entry> entries;
            if (holder.equals(self)) {
                entries = fetch(name);
            } else if (holder.equals(found.sentEntries())) {
                entries = found.ownerEntries();
            } else {
                hops++;
                try {
                    entries = transport.peer(holder).fetch(name);
                } catch (PeerUnavailableException e) {
                    suspect(holder);
                    continue;
                }
            }
            if (!entries.isEmpty()) {
                return new ReadResult(entries, holder, hops);
            }
            if (askedAfterEmpty) {
                return new ReadResult(empty, emptyFrom, hops);
            }
            // The owner may have just taken over its range; one replica holder is asked as well.
            askedAfterEmpty = true;
            empty = entries;
            emptyFrom = holder;
        }
        if (emptyFrom != null) {
            return new ReadResult(empty, emptyFrom, hops);
        }
        throw new LookupFailedException("no holder of '" + name + "' answered");
    }

    /**
     * Where a lookup ended, and, if the owner was asked directly and answered as owner, the node that
     * sent its entries along and those entries.
     */
    private record Found(LookupResult result, NodeRef sentEntries, List<Entry> ownerEntries) {
    }

    /**
     * The lookup behind {@link #lookup} and {@link #read}: the local tables, up to
     * {@value #DIRECT_ATTEMPTS} nodes the membership view predicts (asked through {@code ask}),
     * then routing.
     */
    private Found find(NodeId key, Function<RingPeer, ReadStep> ask) {
        requireMember();
        LookupStep local = step(key);
        Set<NodeRef> contacted = new HashSet<>(Set.of(self));
        if (local.done() || !settings.membershipView()) {
            return new Found(resolve(key, local, contacted, 0), null, List.of());
        }
        int hops = 0;
        Optional<NodeRef> target = membership.owner(key);
        for (int attempt = 0; attempt < DIRECT_ATTEMPTS && target.isPresent(); attempt++) {
            NodeRef asked = target.get();
            if (!contacted.add(asked)) {
                break;
            }
            hops++;
            try {
                ReadStep answer = ask.apply(transport.peer(asked));
                if (answer.step().done()) {
                    membership.noticed(answer.step().nodes());
                    LookupResult result = result(answer.step().nodes(), hops);
                    boolean ownerSent = result.owner().equals(asked);
                    return new Found(result, ownerSent ? asked : null, ownerSent ? answer.ownerEntries() : List.of());
                }
                // The asked node's predecessor lies at or after the key: a node the view misses joined
                // there. The node before the key has it in its successor list.
                target = membership.preceding(key);
            } catch (PeerUnavailableException e) {
                suspect(asked);
                target = membership.owner(key);
            }
        }
        return new Found(resolve(key, local, contacted, hops), null, List.of());
    }

    /**
     * Stores {@code entry} on the owner of its key (which copies it onward), or on the first live
     * fallback if the owner does not answer.
     *
     * @return the node that took the entry and the hops spent
     */
    public LookupResult write(Entry entry) {
        LookupResult found = lookup(entry.key());
        int hops = found.hops();
        List<NodeRef> holders = ownerThenFallbacks(found);
        for (int i = 0; i < holders.size(); i++) {
            NodeRef holder = holders.get(i);
            if (holder.equals(self)) {
                store(List.of(entry), true);
            } else {
                hops++;
                try {
                    transport.peer(holder).store(List.of(entry), true);
                } catch (PeerUnavailableException e) {
                    suspect(holder);
                    continue;
                }
            }
            return new LookupResult(holder, holders.subList(i + 1, holders.size()), hops);
        }
        throw new LookupFailedException("no holder for '" + entry.name() + "' answered");
    }

    private List<NodeRef> ownerThenFallbacks(LookupResult found) {
        List<NodeRef> holders = new ArrayList<>(found.fallbacks().size() + 1);
        holders.add(found.owner());
        holders.addAll(found.fallbacks());
        return holders;
    }

    /**
     * Iterative lookup: asks ever closer nodes until one names the owner. A node that does not
     * answer is skipped in favour of the next candidate of the same or an earlier step.
     */
    private LookupResult resolve(NodeId key, LookupStep first, Set<NodeRef> contacted, int hopsSoFar) {
        Deque<Iterator<NodeRef>> pending = new ArrayDeque<>();
        LookupStep step = first;
        int hops = hopsSoFar;
        while (!step.done()) {
            pending.push(step.nodes().iterator());
            step = null;
            while (step == null) {
                if (pending.isEmpty()) {
                    throw new LookupFailedException("no node on the way to " + key + " answered");
                }
                Iterator<NodeRef> candidates = pending.peek();
                if (!candidates.hasNext()) {
                    pending.pop();
                    continue;
                }
                NodeRef next = candidates.next();
                if (!contacted.add(next)) {
                    continue;
                }
                if (hops >= settings.maxLookupHops()) {
                    throw new LookupFailedException("lookup of " + key + " did not converge in " + hops + " hops");
                }
                hops++;
                try {
                    step = transport.peer(next).step(key);
                    membership.noticed(step.nodes());
                } catch (PeerUnavailableException e) {
                    suspect(next);
                }
            }
        }
        return result(step.nodes(), hops);
    }

    /**
     * The owner and fallbacks of an answer, less the leading nodes that the membership view knows
     * are gone: the answering node's successor list may not have caught up with a failure yet.
     */
    private LookupResult result(List<NodeRef> ownerThenSuccessors, int hops) {
        int first = 0;
        while (first < ownerThenSuccessors.size() - 1 && membership.knowsGone(ownerThenSuccessors.get(first))) {
            first++;
        }
        List<NodeRef> nodes = ownerThenSuccessors.subList(first, ownerThenSuccessors.size());
        return new LookupResult(nodes.getFirst(), nodes.subList(1, nodes.size()), hops);
    }

    // ---- calls from other nodes (RingPeer) --------------------------------------------------

    @Override
    public LookupStep step(NodeId key) {
        NodeRef predecessorNow = predecessor;
        List<NodeRef> successorsNow = successors;
        if (successorsNow.isEmpty()) {
            return LookupStep.owner(List.of(self));
        }
        if (predecessorNow != null && key.isInHalfOpen(predecessorNow.id(), self.id())) {
            List<NodeRef> ownerFirst = new ArrayList<>(successorsNow.size() + 1);
            ownerFirst.add(self);
            ownerFirst.addAll(successorsNow);
            return LookupStep.owner(ownerFirst);
        }
        // A full list's last entry would be named owner with no successor to fall back on if it
        // died, so keys in its slot go one hop further, to a node that knows what follows it.
        int answerable = successorsNow.size() < settings.successorListLength() ? successorsNow.size()
                : successorsNow.size() - 1;
        NodeId previous = self.id();
        for (int i = 0; i < answerable; i++) {
            NodeRef successor = successorsNow.get(i);
            if (key.isInHalfOpen(previous, successor.id())) {
                return LookupStep.owner(successorsNow.subList(i, successorsNow.size()));
            }
            previous = successor.id();
        }
        List<NodeRef> closer = fingers.closestPreceding(key, successorsNow, FORWARD_CANDIDATES);
        return LookupStep.forward(closer.isEmpty() ? List.of(successorsNow.getFirst()) : closer);
    }

    @Override
    public ReadStep readStep(String name) {
        LookupStep step = step(NodeId.ofKey(name));
        boolean owner = step.done() && step.nodes().getFirst().equals(self);
        return new ReadStep(step, owner ? fetch(name) : List.of());
    }

    @Override
    public Neighbours neighbours() {
        return new Neighbours(Optional.ofNullable(predecessor), successors);
    }

    @Override
    public void notify(NodeRef candidate) {
        if (candidate.equals(self)) {
            return;
        }
        membership.noticed(List.of(candidate));
        synchronized (this) {
            NodeRef predecessorNow = predecessor;
            if (predecessorNow == null || candidate.id().isBetween(predecessorNow.id(), self.id())) {
                predecessor = candidate;
                log.debug("{} has a new predecessor {}", self, candidate);
            }
            if (successors.isEmpty()) {
                successors = List.of(candidate);
            }
        }
    }

    @Override
    public void ping() {
        // Answering at all is the point.
    }

    @Override
    public void store(List<Entry> entries, boolean primary) {
        List<Entry> changed = new ArrayList<>();
        for (Entry entry : entries) {
            if (store.merge(entry)) {
                changed.add(entry);
            }
        }
        if (!primary || changed.isEmpty()) {
            return;
        }
        List<NodeRef> successorsNow = successors;
        int copies = Math.min(settings.synchronousReplicas(), successorsNow.size());
        for (NodeRef replica : successorsNow.subList(0, copies)) {
            try {
                transport.peer(replica).store(changed, false);
            } catch (PeerUnavailableException e) {
                // The next replication round copies it to whoever is the successor then.
                suspect(replica);
            }
        }
    }

    @Override
    public List<Entry> fetch(String name) {
        return store.live(name, clock.instant());
    }

    @Override
    public List<Entry> entriesIn(NodeId from, NodeId to) {
        return store.in(from, to);
    }

    @Override
    public void departed(NodeRef leaver, Optional<NodeRef> leaverPredecessor, List<NodeRef> leaverSuccessors) {
        fingers.forget(leaver);
        membership.gone(leaver);
        synchronized (this) {
            if (leaver.equals(predecessor)) {
                predecessor = leaverPredecessor.filter(node -> !node.equals(self)).orElse(null);
            }
            if (successors.contains(leaver)) {
                List<NodeRef> merged = new ArrayList<>(successors);
                merged.addAll(leaverSuccessors);
                merged.removeIf(leaver::equals);
                successors = orderedFromSelf(merged);
            }
        }
    }

    @Override
    public List<Member> gossip(List<Member> rumours) {
        List<Member> ours = membership.rumours();
        membership.merge(rumours);
        return ours;
    }

    @Override
    public List<Member> members() {
        return membership.members();
    }

    // ---- periodic protocol ------------------------------------------------------------------

    /**
     * Verifies the immediate successor, adopts a node that joined between, refreshes the successor
     * list from the successor's, and notifies the successor of this node.
     */
    public void stabilize() {
        if (!member) {
            return;
        }
        Optional<Neighbours> view = Optional.empty();
        NodeRef successor = null;
        List<NodeRef> candidates = candidateSuccessors();
        for (NodeRef candidate : candidates) {
            try {
                view = Optional.of(transport.peer(candidate).neighbours());
                successor = candidate;
                break;
            } catch (PeerUnavailableException e) {
                suspect(candidate);
            }
        }
        if (successor == null) {
            // A node that reaches nobody at all is more likely starved or cut off than the last of the
            // ring: it keeps its last successors and tries them again next round, rather than end up
            // alone with no one left to ask.
            synchronized (this) {
                successors = candidates.stream().limit(settings.successorListLength()).toList();
            }
            stable = candidates.isEmpty() && predecessor == null;
            return;
        }
        Neighbours theirs = view.orElseThrow();
        membership.noticed(theirs.successors());
        boolean pointsBack = theirs.predecessor().filter(self::equals).isPresent();
        NodeRef current = successor;
        Optional<NodeRef> newcomer = theirs.predecessor()
                .filter(node -> !node.equals(self) && node.id().isBetween(self.id(), current.id()));
        if (newcomer.isPresent()) {
            try {
                theirs = transport.peer(newcomer.get()).neighbours();
                successor = newcomer.get();
            } catch (PeerUnavailableException e) {
                suspect(newcomer.get());
            }
        }
        List<NodeRef> list = successorList(successor, theirs.successors());
        synchronized (this) {
            successors = list;
        }
        stable = pointsBack;
        try {
            transport.peer(successor).notify(self);
        } catch (PeerUnavailableException e) {
            suspect(successor);
        }
    }

    /** Clears the predecessor if it no longer answers, so a live node can take its place. */
    public void checkPredecessor() {
        NodeRef predecessorNow = predecessor;
        if (predecessorNow == null) {
            return;
        }
        try {
            transport.peer(predecessorNow).ping();
        } catch (PeerUnavailableException e) {
            suspect(predecessorNow);
        }
    }

    /**
     * Refreshes every finger. Consecutive fingers usually share a target, so only the distinct
     * ones (about log2 N) cost a lookup.
     */
    public void fixFingers() {
        if (!member) {
            return;
        }
        NodeRef previous = null;
        for (int i = 0; i < NodeId.BITS; i++) {
            NodeId start = fingers.start(i);
            if (previous != null && start.isInHalfOpen(self.id(), previous.id())) {
                fingers.set(i, previous);
                continue;
            }
            try {
                previous = lookup(start).owner();
                fingers.set(i, previous);
            } catch (LookupFailedException e) {
                previous = null;
            }
        }
    }

    /**
     * Copies the entries this node owns to its next r-1 successors: all of them when the
     * successors or this node's range changed since the last round, else only what changed.
     */
    public void replicate() {
        NodeRef predecessorNow = predecessor;
        List<NodeRef> successorsNow = successors;
        if (!member || predecessorNow == null) {
            return;
        }
        List<NodeRef> targets = successorsNow.subList(0, Math.min(settings.successorListLength() - 1, successorsNow.size()));
        long since = replication.sinceFor(targets, predecessorNow);
        long upTo = store.sequence();
        List<Entry> changed = store.changedSince(predecessorNow.id(), self.id(), since);
        boolean delivered = true;
        for (NodeRef target : targets) {
            try {
                for (List<Entry> batch : chunks(changed)) {
                    transport.peer(target).store(batch, false);
                }
            } catch (PeerUnavailableException e) {
                suspect(target);
                delivered = false;
            }
        }
        replication.record(delivered ? targets : List.of(), predecessorNow, upTo);
    }

    /**
     * One gossip exchange with a random member of the view: swaps rumours with it, or every
     * {@value #FULL_SYNC_ROUNDS}th round pulls its whole view, which repairs whatever rumours missed.
     */
    public void gossip() {
        if (!member || !settings.membershipView()) {
            return;
        }
        long round = membership.tick();
        Optional<NodeRef> partner = membership.randomPeer();
        if (partner.isEmpty()) {
            return;
        }
        try {
            RingPeer peer = transport.peer(partner.get());
            membership.merge(round % FULL_SYNC_ROUNDS == 0 ? peer.members() : peer.gossip(membership.rumours()));
        } catch (PeerUnavailableException e) {
            suspect(partner.get());
        }
    }

    /**
     * Starts this joining node's view from its successor's and announces the node to the ring. A
     * successor that does not answer costs only speed: gossip fills the view later.
     */
    private void startView(NodeRef successor) {
        if (!settings.membershipView()) {
            return;
        }
        try {
            membership.merge(transport.peer(successor).members());
        } catch (PeerUnavailableException e) {
            log.debug("{} could not pull the membership view of {}: {}", self, successor, e.getMessage());
        }
        membership.announce();
    }

    /** Drops expired entries; returns how many. */
    public int expire() {
        return store.expire(clock.instant());
    }

    // ---- state ------------------------------------------------------------------------------

    public RingView view() {
        List<NodeRef> successorsNow = successors;
        return new RingView(self, Optional.ofNullable(predecessor), successorsNow, fingers.distinct(),
                estimateRingSize(successorsNow), membership.size(), store.size());
    }

    public Optional<NodeRef> predecessor() {
        return Optional.ofNullable(predecessor);
    }

    /**
     * The entries, tombstones and not yet dropped expired ones included, whose keys this node owns:
     * those in (predecessor, self]. Empty while the predecessor is unknown, because the range is
     * uncertain then and another node may be answering for part of it; a member alone on its ring
     * (no predecessor and no successor) owns every key, as {@link #step} answers for it.
     */
    public List<Entry> owned() {
        NodeRef predecessorNow = predecessor;
        if (!member) {
            return List.of();
        }
        if (predecessorNow == null) {
            return successors.isEmpty() ? store.in(self.id(), self.id()) : List.of();
        }
        return store.in(predecessorNow.id(), self.id());
    }

    public List<NodeRef> successors() {
        return successors;
    }

    /**
     * Exact on a ring smaller than the successor list (the list then holds every other node), else
     * r divided by the fraction of the ring that the list spans.
     */
    private double estimateRingSize(List<NodeRef> successorsNow) {
        if (successorsNow.size() < settings.successorListLength()) {
            return successorsNow.size() + 1;
        }
        double span = self.id().fractionTo(successorsNow.getLast().id());
        return span <= 0 ? successorsNow.size() + 1 : successorsNow.size() / span;
    }

    /** Forgets a node that failed to answer; stabilization and fix-fingers restore live ones. */
    private void suspect(NodeRef node) {
        fingers.forget(node);
        membership.gone(node);
        synchronized (this) {
            if (node.equals(predecessor)) {
                predecessor = null;
            }
            if (successors.contains(node)) {
                List<NodeRef> remaining = new ArrayList<>(successors);
                remaining.remove(node);
                successors = List.copyOf(remaining);
            }
        }
        log.debug("{} suspects {}", self, node);
    }

    /** The successor list first, then (if every one of those failed) other known nodes, nearest first. */
    private List<NodeRef> candidateSuccessors() {
        Set<NodeRef> candidates = new LinkedHashSet<>(successors);
        List<NodeRef> others = new ArrayList<>(fingers.distinct());
        Optional.ofNullable(predecessor).ifPresent(others::add);
        candidates.addAll(orderedFromSelf(others));
        candidates.remove(self);
        return new ArrayList<>(candidates);
    }

    private List<NodeRef> successorList(NodeRef successor, List<NodeRef> successorsOfSuccessor) {
        List<NodeRef> list = new ArrayList<>(settings.successorListLength());
        list.add(successor);
        for (NodeRef next : successorsOfSuccessor) {
            // On a ring smaller than r the list wraps around to this node; it ends there.
            if (next.equals(self) || list.size() == settings.successorListLength()) {
                break;
            }
            if (!list.contains(next)) {
                list.add(next);
            }
        }
        return List.copyOf(list);
    }

    /** Distinct nodes other than this one, by clockwise distance from this node, at most r. */
    private List<NodeRef> orderedFromSelf(List<NodeRef> nodes) {
        return nodes.stream().filter(node -> !node.equals(self)).distinct()
                .sorted(Comparator.comparing(node -> self.id().distanceTo(node.id())))
                .limit(settings.successorListLength()).toList();
    }

    private void requireMember() {
        if (!member) {
            throw new LookupFailedException(self + " is not a member of a ring");
        }
    }

    private static List<List<Entry>> chunks(List<Entry> entries) {
        List<List<Entry>> chunks = new ArrayList<>();
        for (int from = 0; from < entries.size(); from += ENTRIES_PER_CALL) {
            chunks.add(entries.subList(from, Math.min(entries.size(), from + ENTRIES_PER_CALL)));
        }
        return chunks;
    }
}
