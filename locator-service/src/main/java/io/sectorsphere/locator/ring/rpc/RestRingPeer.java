package io.sectorsphere.locator.ring.rpc;

import static io.sectorsphere.locator.ring.rpc.RingRpcPaths.BASE;

import io.sectorsphere.chord.Entry;
import io.sectorsphere.chord.LookupStep;
import io.sectorsphere.chord.Member;
import io.sectorsphere.chord.Neighbours;
import io.sectorsphere.chord.NodeId;
import io.sectorsphere.chord.NodeRef;
import io.sectorsphere.chord.PeerUnavailableException;
import io.sectorsphere.chord.ReadStep;
import io.sectorsphere.chord.RingPeer;
import io.sectorsphere.locator.ring.rpc.RingMessages.EntryMessage;
import io.sectorsphere.locator.ring.rpc.RingMessages.MemberMessage;
import io.sectorsphere.locator.ring.rpc.RingMessages.NeighboursMessage;
import io.sectorsphere.locator.ring.rpc.RingMessages.ReadStepMessage;
import io.sectorsphere.locator.ring.rpc.RingMessages.StepMessage;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Another ring node as seen through its REST API. Whatever goes wrong on the way — refused, timed
 * out, an error status, an answer that does not parse or names forged nodes — is a
 * {@link PeerUnavailableException}, which the ring logic treats as a node to route around.
 */
final class RestRingPeer implements RingPeer {

    private static final ParameterizedTypeReference<List<EntryMessage>> ENTRY_LIST =
            new ParameterizedTypeReference<>() {
            };
    private static final ParameterizedTypeReference<List<MemberMessage>> MEMBER_LIST =
            new ParameterizedTypeReference<>() {
            };

    private final RestClient client;
    private final NodeRef node;
    private final String base;

    RestRingPeer(RestClient client, NodeRef node) {
        this.client = client;
        this.node = node;
        this.base = "http://" + node.address() + BASE;
    }

    @Override
    public LookupStep step(NodeId key) {
        return call("step", () -> RingMessages.step(
                client.get().uri(base + RingRpcPaths.STEP, key.toHex()).retrieve().body(StepMessage.class)));
    }

    @Override
    public ReadStep readStep(String name) {
        return call("read step", () -> RingMessages.readStep(client.get()
                .uri(base + RingRpcPaths.READ_STEP + "?name={name}", name).retrieve().body(ReadStepMessage.class)));
    }

    @Override
    public Neighbours neighbours() {
        return call("neighbours", () -> RingMessages.neighbours(
                client.get().uri(base + RingRpcPaths.NEIGHBOURS).retrieve().body(NeighboursMessage.class)));
    }

    @Override
    public void notify(NodeRef candidate) {
        run("notify", () -> client.post().uri(base + RingRpcPaths.NOTIFY).body(RingMessages.member(candidate))
                .retrieve().toBodilessEntity());
    }

    @Override
    public void ping() {
        run("ping", () -> client.get().uri(base + RingRpcPaths.PING).retrieve().toBodilessEntity());
    }

    @Override
    public void store(List<Entry> entries, boolean primary) {
        run("store", () -> client.post().uri(base + RingRpcPaths.STORE + "?primary={primary}", primary)
                .body(RingMessages.entryMessages(entries)).retrieve().toBodilessEntity());
    }

    @Override
    public List<Entry> fetch(String name) {
        return call("fetch", () -> RingMessages.entries(
                client.get().uri(base + RingRpcPaths.FETCH + "?name={name}", name).retrieve().body(ENTRY_LIST)));
    }

    @Override
    public List<Entry> entriesIn(NodeId from, NodeId to) {
        return call("entries", () -> RingMessages.entries(
                client.get().uri(base + RingRpcPaths.ENTRIES + "?from={from}&to={to}", from.toHex(), to.toHex())
                        .retrieve().body(ENTRY_LIST)));
    }

    @Override
    public void departed(NodeRef leaver, Optional<NodeRef> leaverPredecessor, List<NodeRef> leaverSuccessors) {
        run("departed", () -> client.post().uri(base + RingRpcPaths.DEPARTED)
                .body(RingMessages.departure(leaver, leaverPredecessor, leaverSuccessors))
                .retrieve().toBodilessEntity());
    }

    @Override
    public List<Member> gossip(List<Member> rumours) {
        return call("gossip", () -> RingMessages.memberStates(client.post().uri(base + RingRpcPaths.GOSSIP)
                .body(RingMessages.memberMessages(rumours)).retrieve().body(MEMBER_LIST)));
    }

    @Override
    public List<Member> members() {
        return call("members", () -> RingMessages.memberStates(
                client.get().uri(base + RingRpcPaths.MEMBERS).retrieve().body(MEMBER_LIST)));
    }

    private void run(String what, Runnable request) {
        call(what, () -> {
            request.run();
            return null;
        });
    }

    private <T> T call(String what, Supplier<T> request) {
        try {
            return request.get();
        } catch (RestClientException e) {
            throw new PeerUnavailableException(node, what + " failed: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new PeerUnavailableException(node, what + " gave an invalid answer: " + e.getMessage(), e);
        }
    }
}
