package io.sectorsphere.localcluster;

/** A local cluster could not be started; {@link #reason()} says what kind of failure it was. */
public final class LocalClusterException extends RuntimeException {

    /** What went wrong, so a caller such as the CLI can answer each with its own exit code. */
    public enum Reason {
        /** An address and port a node needs is taken, most likely by another local cluster. */
        ADDRESS_IN_USE,
        /** A node's address cannot be bound on this machine. */
        ADDRESS_UNAVAILABLE,
        /** The nodes started but did not form a consistent ring in time. */
        NOT_READY,
        /** A node failed to start for another reason. */
        START_FAILED
    }

    private final Reason reason;

    public LocalClusterException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
