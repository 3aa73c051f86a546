package io.sectorsphere.chord;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * One node's view of the whole ring: every member it knows, sorted by id, so that it can predict the
 * owner of a key and ask that node directly instead of routing (a ring of thousands of nodes fits
 * in a few hundred kilobytes). The view is only a hint; the predicted owner answers authoritatively,
 * and a wrong prediction costs a fallback to Chord routing, never a wrong answer.
 *
 * <p>It learns from what the node sees anyway (nodes named in routing answers and successor
 * lists; nodes that fail to answer) and from rumours: each change of a member's state (a join, a
 * failure, a refutation) is passed on to random peers in a few gossip exchanges, about
 * {@value #RUMOUR_FACTOR}·log2 N times per node that hears it, which reaches every node in
 * O(log N) rounds. A departed member stays as a tombstone for {@value #TOMBSTONE_ROUNDS} rounds so
 * that older news cannot bring it back.
 *
 * <p>Reads (predictions) take an immutable sorted array without a lock; changes rebuild it.
 */
public final class MembershipView {

    static final int RUMOUR_FACTOR = 2;
    static final int MAX_RUMOURS_PER_MESSAGE = 256;
    static final int TOMBSTONE_ROUNDS = 128;

    private final NodeRef self;
    private final Random random;
    /** Sorted by id, tombstones included, self always alive in it. */
    private volatile Member[] sorted;
    private volatile int alive;
    private final Map<NodeId, Rumour> rumours = new LinkedHashMap<>();
    private final Deque<Tombstone> tombstones = new ArrayDeque<>();
    private long incarnation;
    private long round;

    private static final class Rumour {
        private final Member member;
        private int sendsLeft;

        Rumour(Member member, int sends) {
            this.member = member;
            this.sendsLeft = sends;
        }
    }

    private record Tombstone(NodeId id, long round) {
    }

    /** A view that knows only {@code self}, alive at {@code incarnation}. */
    public MembershipView(NodeRef self, long incarnation) {
        this.self = self;
        this.incarnation = incarnation;
        this.random = new Random(self.id().high() ^ self.id().low());
        this.sorted = new Member[] {new Member(self, incarnation, true)};
        this.alive = 1;
    }

    // ---- predictions (lock-free) ---------------------------------------------------------------

    /** The alive member that should own {@code key}: the first at or after it, clockwise. */
    public Optional<NodeRef> owner(NodeId key) {
        Member[] members = sorted;
        int start = insertionPoint(members, key);
        for (int i = 0; i < members.length; i++) {
            Member member = members[(start + i) % members.length];
            if (member.alive()) {
                return Optional.of(member.node());
            }
        }
        return Optional.empty();
    }

    /** The last alive member before {@code key}, clockwise: the node whose successor list covers it. */
    public Optional<NodeRef> preceding(NodeId key) {
        Member[] members = sorted;
        int start = insertionPoint(members, key) - 1 + members.length;
        for (int i = 0; i < members.length; i++) {
            Member member = members[(start - i) % members.length];
            if (member.alive() && !member.node().id().equals(key)) {
                return Optional.of(member.node());
            }
        }
        return Optional.empty();
    }

    /** An alive member other than this node, for a gossip exchange; empty while none is known. */
    public Optional<NodeRef> randomPeer() {
        Member[] members = sorted;
        int start = insertionPoint(members, new NodeId(random.nextLong(), random.nextLong()));
        for (int i = 0; i < members.length; i++) {
            Member member = members[(start + i) % members.length];
            if (member.alive() && !member.node().equals(self)) {
                return Optional.of(member.node());
            }
        }
        return Optional.empty();
    }

    /** Alive members known, this node included. */
    public int size() {
        return alive;
    }

    /** Everything known, tombstones included, by id: what a joining or syncing node pulls. */
    public List<Member> members() {
        return Collections.unmodifiableList(Arrays.asList(sorted));
    }

    /** Whether the view holds {@code node} as gone (failed or left, and not back since). */
    public boolean knowsGone(NodeRef node) {
        Member[] members = sorted;
        int at = indexOf(members, node.id());
        return at >= 0 && !members[at].alive();
    }

    // ---- changes -------------------------------------------------------------------------------

    /** Starts a rumour that this node is alive, as it joins: the ring learns of it through gossip. */
    public synchronized void announce() {
        Member me = new Member(self, incarnation, true);
        apply(List.of(me));
        spread(me);
    }

    /**
     * Adds nodes seen named by other nodes (in successor lists and routing answers) that this view
     * does not know at all, at incarnation 0, so any news from the node itself outranks them.
     */
    public synchronized void noticed(Collection<NodeRef> nodes) {
        Member[] members = sorted;
        List<Member> unknown = new ArrayList<>();
        for (NodeRef node : nodes) {
            if (indexOf(members, node.id()) < 0) {
                unknown.add(new Member(node, 0, true));
            }
        }
        apply(unknown);
    }

    /** Marks a node that failed to answer, or said it leaves, as gone, and spreads that. */
    public synchronized void gone(NodeRef node) {
        if (node.equals(self)) {
            return;
        }
        Member[] members = sorted;
        int at = indexOf(members, node.id());
        if (at >= 0 && members[at].alive()) {
            Member gone = new Member(node, members[at].incarnation(), false);
            apply(List.of(gone));
            spread(gone);
        }
    }

    /**
     * Takes in news from a peer: each item that supersedes what this view holds replaces it and is
     * passed on. News that this node is gone is refuted with a higher incarnation.
     */
    public synchronized void merge(List<Member> news) {
        Member[] members = sorted;
        Map<NodeId, Member> accepted = new LinkedHashMap<>();
        for (Member item : news) {
            NodeId id = item.node().id();
            if (item.node().equals(self)) {
                if (item.supersedes(new Member(self, incarnation, true))) {
                    incarnation = item.incarnation() + 1;
                    accepted.put(id, new Member(self, incarnation, true));
                }
                continue;
            }
            Member known = accepted.get(id);
            if (known == null) {
                int at = indexOf(members, id);
                known = at < 0 ? null : members[at];
            }
            if (known == null || item.supersedes(known)) {
                accepted.put(id, item);
            }
        }
        apply(accepted.values());
        accepted.values().forEach(this::spread);
    }

    /** The rumours to send in one exchange, freshest first; each one sent counts against its sends. */
    public synchronized List<Member> rumours() {
        List<Rumour> chosen = rumours.values().stream()
                .sorted(Comparator.comparingInt((Rumour rumour) -> rumour.sendsLeft).reversed())
                .limit(MAX_RUMOURS_PER_MESSAGE)
                .toList();
        List<Member> out = new ArrayList<>(chosen.size());
        for (Rumour rumour : chosen) {
            out.add(rumour.member);
            if (--rumour.sendsLeft <= 0) {
                rumours.remove(rumour.member.node().id());
            }
        }
        return out;
    }

    /**
     * Starts a gossip round: forgets the tombstones older than {@value #TOMBSTONE_ROUNDS} rounds.
     *
     * @return the number of this round, from 1
     */
    public synchronized long tick() {
        round++;
        Set<NodeId> expired = new HashSet<>();
        while (!tombstones.isEmpty() && tombstones.peekFirst().round() + TOMBSTONE_ROUNDS <= round) {
            expired.add(tombstones.pollFirst().id());
        }
        if (expired.isEmpty()) {
            return round;
        }
        List<Member> kept = new ArrayList<>(sorted.length);
        for (Member member : sorted) {
            if (member.alive() || !expired.contains(member.node().id())) {
                kept.add(member);
            }
        }
        publish(kept.toArray(Member[]::new));
        return round;
    }

    private void spread(Member member) {
        int log2 = 64 - Long.numberOfLeadingZeros(alive);
        rumours.remove(member.node().id());
        rumours.put(member.node().id(), new Rumour(member, RUMOUR_FACTOR * Math.max(1, log2)));
    }

    /** Puts {@code changes} (at most one per id) into the sorted array in one pass. */
    private void apply(Collection<Member> changes) {
        if (changes.isEmpty()) {
            return;
        }
        TreeMap<NodeId, Member> byId = new TreeMap<>();
        changes.forEach(member -> byId.put(member.node().id(), member));
        Member[] members = sorted;
        List<Member> merged = new ArrayList<>(members.length + byId.size());
        int i = 0;
        for (Member change : byId.values()) {
            NodeId id = change.node().id();
            while (i < members.length && members[i].node().id().compareTo(id) < 0) {
                merged.add(members[i++]);
            }
            if (i < members.length && members[i].node().id().equals(id)) {
                i++;
            }
            merged.add(change);
            if (!change.alive()) {
                tombstones.addLast(new Tombstone(id, round));
            }
        }
        while (i < members.length) {
            merged.add(members[i++]);
        }
        publish(merged.toArray(Member[]::new));
    }

    private void publish(Member[] members) {
        int count = 0;
        for (Member member : members) {
            if (member.alive()) {
                count++;
            }
        }
        sorted = members;
        alive = count;
    }

    private static int indexOf(Member[] members, NodeId id) {
        int at = insertionPoint(members, id);
        return at < members.length && members[at].node().id().equals(id) ? at : -1;
    }

    /** The index of the first member whose id is at or after {@code id}; the length if none. */
    private static int insertionPoint(Member[] members, NodeId id) {
        int low = 0;
        int high = members.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (members[middle].node().id().compareTo(id) < 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
