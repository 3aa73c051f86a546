package io.sectorsphere.locator.ring;

import io.sectorsphere.chord.ChordNode;
import io.sectorsphere.chord.RingView;
import io.sectorsphere.common.ring.RingStatus;
import io.sectorsphere.locator.ring.rpc.RingMessages;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/ring}: this node's routing state, for operators and tests. */
@RestController
class RingController {

    private final LocalNode localNode;

    RingController(LocalNode localNode) {
        this.localNode = localNode;
    }

    @GetMapping("/api/v1/ring")
    RingStatus ring() {
        ChordNode node = localNode.require();
        RingView view = node.view();
        return new RingStatus(RingMessages.member(view.self()),
                view.predecessor().map(RingMessages::member).orElse(null),
                view.successors().stream().map(RingMessages::member).toList(),
                view.fingers().stream().map(RingMessages::member).toList(),
                view.estimatedRingSize(), view.storedEntries(), node.isMember(), node.isStable());
    }
}
