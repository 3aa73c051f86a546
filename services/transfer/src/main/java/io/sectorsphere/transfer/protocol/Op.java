package io.sectorsphere.transfer.protocol;

/** The request kinds of the data protocol; see {@link FrameCodec} for the frames. */
public enum Op {
    /** Read {@code length} bytes from {@code offset}; needs a read ticket. */
    GET(1),
    /** Push a whole file of {@code length} bytes with its SHA-256; needs a write ticket. */
    PUT(2),
    /** A file's size and SHA-256; needs a read ticket. */
    STAT(3),
    /** Answered at once, to measure the round-trip time; needs no ticket. */
    PING(4),
    /**
     * Takes {@code length} bytes from the client (at most {@link Request#MAX_PROBE_BYTES}) and drops
     * them, so that the client's transport sees the path's loss and round trip; needs no ticket.
     */
    PROBE(5);

    private final int code;

    Op(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    static Op ofCode(int code) throws ProtocolException {
        for (Op op : values()) {
            if (op.code == code) {
                return op;
            }
        }
        throw new ProtocolException("unknown op " + code);
    }
}
