package io.sectorsphere.transfer.ticket;

/** What a ticket allows: reading a range of a file, or writing (pushing) a whole file. */
public enum TicketOperation {
    READ(1),
    WRITE(2);

    private final int code;

    TicketOperation(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }

    static TicketOperation ofCode(int code) {
        for (TicketOperation operation : values()) {
            if (operation.code == code) {
                return operation;
            }
        }
        throw new IllegalArgumentException("unknown ticket operation " + code);
    }
}
