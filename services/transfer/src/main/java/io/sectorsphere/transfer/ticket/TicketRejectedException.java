package io.sectorsphere.transfer.ticket;

/** A ticket that does not allow the request it came with. */
public class TicketRejectedException extends Exception {

    /** Why, for the caller's log and metrics; the peer only ever learns "denied". */
    public enum Reason {
        MALFORMED,
        FORGED,
        EXPIRED,
        WRONG_OPERATION,
        WRONG_FILE,
        OUT_OF_RANGE
    }

    private final Reason reason;

    public TicketRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
