package io.sectorsphere.locator.ring.rpc;

import io.sectorsphere.chord.Entry;
import io.sectorsphere.chord.LookupStep;
import io.sectorsphere.chord.Member;
import io.sectorsphere.chord.Neighbours;
import io.sectorsphere.chord.NodeId;
import io.sectorsphere.chord.NodeRef;
import io.sectorsphere.chord.ReadStep;
import io.sectorsphere.common.Addresses;
import io.sectorsphere.common.ring.RingMember;
import io.sectorsphere.locator.ring.EntryNames;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The JSON messages of the ring calls and their translation to and from the Chord types: the one
 * place where the wire meets the ring logic. Every node named on the wire is checked to sit where
 * its address says ({@link NodeRef#verified}), and every entry to name a valid file (or a reserved name, see
 * {@link EntryNames}) and holder.
 * Translation failures are {@link IllegalArgumentException}s.
 */
public final class RingMessages {

    /** The answer to one lookup step; see {@link LookupStep}. */
    public record StepMessage(boolean done, List<RingMember> nodes) {
    }

    /** A lookup step with the answering owner's entries; see {@link ReadStep}. */
    public record ReadStepMessage(StepMessage step, List<EntryMessage> ownerEntries) {
    }

    /** A node's predecessor (null if unknown) and successors, nearest first. */
    public record NeighboursMessage(RingMember predecessor, List<RingMember> successors) {
    }

    /** One stored entry; a null value is a removal. */
    public record EntryMessage(String name, String source, String value, Instant updatedAt, Instant expiresAt) {
    }

    /** A node leaving gracefully, with the neighbours that take its place. */
    public record DepartureMessage(RingMember leaver, RingMember predecessor, List<RingMember> successors) {
    }

    /** What a membership view holds about one node; see {@link Member}. */
    public record MemberMessage(RingMember node, long incarnation, boolean alive) {
    }

    private RingMessages() {
    }

    public static RingMember member(NodeRef node) {
        return new RingMember(node.id().toHex(), node.address());
    }

    /** @throws IllegalArgumentException if the id is malformed or not the SHA-1 of the address */
    public static NodeRef node(RingMember member) {
        required(member, "node");
        return NodeRef.verified(NodeId.parse(member.id()), member.address());
    }

    static List<RingMember> members(List<NodeRef> nodes) {
        return nodes.stream().map(RingMessages::member).toList();
    }

    static List<NodeRef> nodes(List<RingMember> members) {
        return required(members, "node list").stream().map(RingMessages::node).toList();
    }

    static StepMessage message(LookupStep step) {
        return new StepMessage(step.done(), members(step.nodes()));
    }

    static LookupStep step(StepMessage message) {
        required(message, "lookup step");
        return new LookupStep(message.done(), nodes(message.nodes()));
    }

    static ReadStepMessage message(ReadStep readStep) {
        return new ReadStepMessage(message(readStep.step()), entryMessages(readStep.ownerEntries()));
    }

    static ReadStep readStep(ReadStepMessage message) {
        required(message, "read step");
        return new ReadStep(step(message.step()), entries(message.ownerEntries()));
    }

    static NeighboursMessage message(Neighbours neighbours) {
        return new NeighboursMessage(neighbours.predecessor().map(RingMessages::member).orElse(null),
                members(neighbours.successors()));
    }

    static Neighbours neighbours(NeighboursMessage message) {
        required(message, "neighbours");
        return new Neighbours(optionalNode(message.predecessor()), nodes(message.successors()));
    }

    static EntryMessage message(Entry entry) {
        return new EntryMessage(entry.name(), entry.source(), entry.value(), entry.updatedAt(), entry.expiresAt());
    }

    static List<EntryMessage> entryMessages(List<Entry> entries) {
        return entries.stream().map(RingMessages::message).toList();
    }

    static Entry entry(EntryMessage message) {
        required(message, "entry");
        EntryNames.requireValid(message.name());
        EntryNames.requireValidSource(message.name(), message.source());
        return new Entry(message.name(), message.source(), message.value(),
                required(message.updatedAt(), "entry updatedAt"), required(message.expiresAt(), "entry expiresAt"));
    }

    static List<Entry> entries(List<EntryMessage> messages) {
        return required(messages, "entry list").stream().map(RingMessages::entry).toList();
    }

    static DepartureMessage departure(NodeRef leaver, Optional<NodeRef> predecessor, List<NodeRef> successors) {
        return new DepartureMessage(member(leaver), predecessor.map(RingMessages::member).orElse(null),
                members(successors));
    }

    static List<MemberMessage> memberMessages(List<Member> members) {
        return members.stream()
                .map(member -> new MemberMessage(member(member.node()), member.incarnation(), member.alive()))
                .toList();
    }

    static List<Member> memberStates(List<MemberMessage> messages) {
        return required(messages, "member list").stream().map(message -> {
            required(message, "member");
            return new Member(node(message.node()), message.incarnation(), message.alive());
        }).toList();
    }

    static Optional<NodeRef> optionalNode(RingMember member) {
        return Optional.ofNullable(member).map(RingMessages::node);
    }

    private static <T> T required(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        return value;
    }
}
