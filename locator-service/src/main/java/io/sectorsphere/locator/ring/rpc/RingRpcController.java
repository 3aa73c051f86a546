package io.sectorsphere.locator.ring.rpc;

import io.sectorsphere.chord.Entry;
import io.sectorsphere.chord.NodeId;
import io.sectorsphere.common.ring.RingMember;
import io.sectorsphere.locator.config.LocatorProperties;
import io.sectorsphere.locator.ring.EntryNames;
import io.sectorsphere.locator.ring.LocalNode;
import io.sectorsphere.locator.ring.rpc.RingMessages.DepartureMessage;
import io.sectorsphere.locator.ring.rpc.RingMessages.EntryMessage;
import io.sectorsphere.locator.ring.rpc.RingMessages.MemberMessage;
import io.sectorsphere.locator.ring.rpc.RingMessages.NeighboursMessage;
import io.sectorsphere.locator.ring.rpc.RingMessages.ReadStepMessage;
import io.sectorsphere.locator.ring.rpc.RingMessages.StepMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the calls other ring nodes make on this one ({@link io.sectorsphere.chord.RingPeer}). Only a
 * ring member answers; a node still joining or already gone answers 503, which callers route around.
 * Everything in a request is translated and checked before the node sees any of it.
 */
@RestController
@RequestMapping(RingRpcPaths.BASE)
class RingRpcController {

    /** Twice what a node sends in one call, so a hostile batch cannot take much memory. */
    private static final int MAX_ENTRIES_PER_CALL = 1024;
    /** Four times the rumours a node sends in one exchange. */
    private static final int MAX_RUMOURS_PER_CALL = 1024;

    private final LocalNode localNode;
    private final long maxValueBytes;

    RingRpcController(LocalNode localNode, LocatorProperties properties) {
        this.localNode = localNode;
        this.maxValueBytes = properties.records().maxRecordBytes().toBytes();
    }

    @GetMapping(RingRpcPaths.STEP)
    StepMessage step(@PathVariable String key) {
        NodeId id = NodeId.parse(key);
        return RingMessages.message(localNode.requireMember().step(id));
    }

    @GetMapping(RingRpcPaths.READ_STEP)
    ReadStepMessage readStep(@RequestParam String name) {
        return RingMessages.message(localNode.requireMember().readStep(EntryNames.requireValid(name)));
    }

    @GetMapping(RingRpcPaths.NEIGHBOURS)
    NeighboursMessage neighbours() {
        return RingMessages.message(localNode.requireMember().neighbours());
    }

    @PostMapping(RingRpcPaths.NOTIFY)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void notify(@RequestBody RingMember candidate) {
        var node = RingMessages.node(candidate);
        localNode.requireMember().notify(node);
    }

    @GetMapping(RingRpcPaths.PING)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void ping() {
        localNode.requireMember().ping();
    }

    @PostMapping(RingRpcPaths.STORE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void store(@RequestParam boolean primary, @RequestBody List<EntryMessage> messages) {
        if (messages.size() > MAX_ENTRIES_PER_CALL) {
            throw new IllegalArgumentException("at most " + MAX_ENTRIES_PER_CALL + " entries per store call");
        }
        List<Entry> entries = RingMessages.entries(messages);
        entries.forEach(this::requireSmallValue);
        localNode.requireMember().store(entries, primary);
    }

    @GetMapping(RingRpcPaths.FETCH)
    List<EntryMessage> fetch(@RequestParam String name) {
        return RingMessages.entryMessages(localNode.requireMember().fetch(EntryNames.requireValid(name)));
    }

    @GetMapping(RingRpcPaths.ENTRIES)
    List<EntryMessage> entries(@RequestParam String from, @RequestParam String to) {
        NodeId fromId = NodeId.parse(from);
        NodeId toId = NodeId.parse(to);
        return RingMessages.entryMessages(localNode.requireMember().entriesIn(fromId, toId));
    }

    @PostMapping(RingRpcPaths.DEPARTED)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void departed(@RequestBody DepartureMessage departure) {
        var leaver = RingMessages.node(departure.leaver());
        var predecessor = RingMessages.optionalNode(departure.predecessor());
        var successors = RingMessages.nodes(departure.successors());
        localNode.requireMember().departed(leaver, predecessor, successors);
    }

    @PostMapping(RingRpcPaths.GOSSIP)
    List<MemberMessage> gossip(@RequestBody List<MemberMessage> messages) {
        if (messages.size() > MAX_RUMOURS_PER_CALL) {
            throw new IllegalArgumentException("at most " + MAX_RUMOURS_PER_CALL + " rumours per gossip call");
        }
        var rumours = RingMessages.memberStates(messages);
        return RingMessages.memberMessages(localNode.requireMember().gossip(rumours));
    }

    @GetMapping(RingRpcPaths.MEMBERS)
    List<MemberMessage> members() {
        return RingMessages.memberMessages(localNode.requireMember().members());
    }

    private void requireSmallValue(Entry entry) {
        long limit = EntryNames.maxValueBytes(entry.name(), maxValueBytes);
        if (entry.value() != null && entry.value().getBytes(StandardCharsets.UTF_8).length > limit) {
            throw new IllegalArgumentException("an entry value is at most " + limit + " bytes");
        }
    }
}
