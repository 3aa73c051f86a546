package io.sectorsphere.chord;

/** A ring call to another node failed: it did not answer in time, refused, or is gone. */
public class PeerUnavailableException extends RuntimeException {

    private final NodeRef peer;

    public PeerUnavailableException(NodeRef peer, String reason, Throwable cause) {
        super(peer.address() + " is unavailable: " + reason, cause);
        this.peer = peer;
    }

    public PeerUnavailableException(NodeRef peer, String reason) {
        this(peer, reason, null);
    }

    public NodeRef peer() {
        return peer;
    }
}
