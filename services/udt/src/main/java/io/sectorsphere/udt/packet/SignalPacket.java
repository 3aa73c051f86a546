package io.sectorsphere.udt.packet;

/**
 * A control packet that carries no control information of its own: keep-alive (1), congestion
 * warning (4), shutdown (5) and error signal (8, its code in the additional-info word). UDT 4.11
 * sends a 4-byte zero pad as control information; receivers ignore it.
 */
public record SignalPacket(ControlType type, int timestamp, int destinationSocketId, int additionalInfo)
        implements UdtPacket {

    public SignalPacket {
        if (type != ControlType.KEEP_ALIVE && type != ControlType.CONGESTION_WARNING
                && type != ControlType.SHUTDOWN && type != ControlType.ERROR_SIGNAL) {
            throw new IllegalArgumentException("not a signal: " + type);
        }
    }
}
