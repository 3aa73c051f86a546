package io.sectorsphere.common.replication;

/**
 * A storage node's answer to a {@link ReplicationRequest} (202 Accepted): the copy runs in the
 * background and the file appears, complete, once it has been verified.
 */
public record ReplicationTicket(String name, State state) {

    public enum State {
        /** Accepted; waits for a free copy slot. */
        QUEUED,
        /** A copy of this name is already under way; the request changed nothing. */
        IN_PROGRESS,
        /** The node already holds the file with that checksum; the request changed nothing. */
        PRESENT
    }
}
