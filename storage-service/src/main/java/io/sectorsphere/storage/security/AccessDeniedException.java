package io.sectorsphere.storage.security;

/** A write from an address outside the allow-list or without a valid account token. */
public class AccessDeniedException extends RuntimeException {

    /** Which of the two conditions of a write failed. */
    public enum Reason { ADDRESS, TOKEN }

    private final Reason reason;

    AccessDeniedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
