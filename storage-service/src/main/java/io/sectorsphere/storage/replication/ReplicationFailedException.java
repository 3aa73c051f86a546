package io.sectorsphere.storage.replication;

/** A replica copy did not complete; nothing of it was kept. */
class ReplicationFailedException extends RuntimeException {

    ReplicationFailedException(String message) {
        super(message);
    }

    ReplicationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
