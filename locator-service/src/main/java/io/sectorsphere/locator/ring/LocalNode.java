package io.sectorsphere.locator.ring;

import io.sectorsphere.chord.ChordNode;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * This context's ring node. It exists only once the web server has started, because its ring
 * address includes the port actually bound.
 */
@Component
public class LocalNode {

    private final AtomicReference<ChordNode> node = new AtomicReference<>();

    void start(ChordNode started) {
        if (!node.compareAndSet(null, started)) {
            throw new IllegalStateException("this context already runs ring node " + node.get().self());
        }
    }

    public Optional<ChordNode> get() {
        return Optional.ofNullable(node.get());
    }

    /** @throws NodeNotReadyException before the web server has started */
    public ChordNode require() {
        return get().orElseThrow(() -> new NodeNotReadyException("the ring node has not started yet"));
    }

    /** @throws NodeNotReadyException unless the node has created or joined a ring */
    public ChordNode requireMember() {
        ChordNode started = require();
        if (!started.isMember()) {
            throw new NodeNotReadyException(started.self().address() + " is not a ring member");
        }
        return started;
    }
}
