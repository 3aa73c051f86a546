package io.sectorsphere.udt.packet;

/** The 15-bit type field of a UDT control packet, with the codes UDT 4.11 puts on the wire. */
public enum ControlType {
    HANDSHAKE(0),
    KEEP_ALIVE(1),
    ACK(2),
    NAK(3),
    CONGESTION_WARNING(4),
    SHUTDOWN(5),
    ACK2(6),
    MESSAGE_DROP(7),
    ERROR_SIGNAL(8);

    private static final ControlType[] BY_CODE = values();

    private final int code;

    ControlType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The type for a wire code, or {@code null} for codes UDT 4 does not define. */
    public static ControlType ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
