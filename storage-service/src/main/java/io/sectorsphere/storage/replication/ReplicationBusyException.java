package io.sectorsphere.storage.replication;

/** This node already has as many replica copies queued as it takes; the caller should retry later. */
public class ReplicationBusyException extends RuntimeException {

    ReplicationBusyException(String message) {
        super(message);
    }
}
