package io.sectorsphere.transfer.protocol;

/** The answer codes of the data protocol. */
public enum Status {
    /** Done; for GET the bytes follow, for STAT the size and digest are in the response. */
    OK(0),
    /** PUT accepted so far: send the bytes now. */
    READY(1),
    /** The frame was understood but its values are not acceptable. */
    BAD_REQUEST(2),
    /** The ticket is missing, forged, expired or does not cover the request. */
    DENIED(3),
    NOT_FOUND(4),
    /** The file already exists where a PUT would create it. */
    CONFLICT(5),
    /** The pushed bytes do not have the declared SHA-256; nothing was stored. */
    DIGEST_MISMATCH(6),
    /** The requested range lies outside the file. */
    OUT_OF_RANGE(7),
    /** The server failed (disk error, ...). */
    FAILED(8);

    private final int code;

    Status(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    static Status ofCode(int code) throws ProtocolException {
        for (Status status : values()) {
            if (status.code == code) {
                return status;
            }
        }
        throw new ProtocolException("unknown status " + code);
    }
}
