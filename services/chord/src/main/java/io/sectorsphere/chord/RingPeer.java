package io.sectorsphere.chord;

import java.util.List;
import java.util.Optional;

/**
 * The calls one ring node makes on another. A transport implements this for a remote node; every
 * method may throw {@link PeerUnavailableException}, and none may block longer than the
 * transport's timeout.
 */
public interface RingPeer {

    /** One step of an iterative lookup of {@code key}, answered from the peer's own tables. */
    LookupStep step(NodeId key);

    /**
     * {@link #step} for the key of {@code name}, with the peer's live entries under the name when
     * the peer answers as the owner: how a node that predicts the owner reads in one round trip.
     */
    ReadStep readStep(String name);

    /** The peer's predecessor and successor list, in one call so stabilization costs one round trip. */
    Neighbours neighbours();

    /** Tells the peer that {@code candidate} believes it is the peer's predecessor. */
    void notify(NodeRef candidate);

    /** Answers if alive. */
    void ping();

    /**
     * Stores entries on the peer. A {@code primary} store is one sent to the key's owner, which then
     * copies it to its first successors before answering; replica pushes are not primary.
     */
    void store(List<Entry> entries, boolean primary);

    /** The live (unexpired, not removed) entries the peer holds under {@code name}. */
    List<Entry> fetch(String name);

    /** Every entry, tombstones included, whose key lies in the ring interval {@code (from, to]}. */
    List<Entry> entriesIn(NodeId from, NodeId to);

    /**
     * Tells the peer that {@code leaver} is leaving gracefully; the peer drops it from its tables
     * and adopts {@code leaverPredecessor} or {@code leaverSuccessors} in its place.
     */
    void departed(NodeRef leaver, Optional<NodeRef> leaverPredecessor, List<NodeRef> leaverSuccessors);

    /**
     * Swaps news about ring members: the peer takes in the caller's {@code rumours} and answers with
     * its own (see {@link MembershipView}).
     */
    List<Member> gossip(List<Member> rumours);

    /** Every member the peer's view holds, tombstones included: what a joining node starts from. */
    List<Member> members();
}
