package io.sectorsphere.chord;

import java.util.Objects;

/**
 * What a membership view holds about one ring node: alive or gone, as of which incarnation. A node
 * starts at an incarnation read from its clock, so its restart outranks anything said about its
 * previous life, and it raises the number when it hears itself reported gone (and is not).
 *
 * @param incarnation the node's own count; 0 for a node only seen named in a routing answer
 */
public record Member(NodeRef node, long incarnation, boolean alive) {

    public Member {
        Objects.requireNonNull(node, "node");
        if (incarnation < 0) {
            throw new IllegalArgumentException("an incarnation is not negative, got " + incarnation);
        }
    }

    /** Whether this news replaces {@code known}: a later incarnation, or the same one found gone. */
    public boolean supersedes(Member known) {
        return incarnation > known.incarnation || (incarnation == known.incarnation && !alive && known.alive);
    }
}
