package io.sectorsphere.chord;

import java.util.List;
import java.util.Optional;

/** A node's predecessor (if known) and its successor list, nearest first. */
public record Neighbours(Optional<NodeRef> predecessor, List<NodeRef> successors) {

    public Neighbours {
        successors = List.copyOf(successors);
    }
}
