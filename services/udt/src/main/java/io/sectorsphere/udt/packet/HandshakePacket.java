package io.sectorsphere.udt.packet;

import java.util.Arrays;

/**
 * A connection request or response (control type 0). Control information, 48 bytes:
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     UDT version (4)                           |
 * |                     socket type (1 STREAM, 2 DGRAM)           |
 * |                     initial sequence number                   |
 * |                     MSS, IP and UDP headers included          |
 * |                     flow window, packets                      |
 * |                     request type (1, -1, 1002 rejected)       |
 * |                     sender's socket id                        |
 * |                     SYN cookie                                |
 * |                     peer IP address, 4 words                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * The peer address words are kept as they travel; see {@code PeerAddressWords}.
 */
public record HandshakePacket(
        int timestamp,
        int destinationSocketId,
        int version,
        int socketType,
        int initialSequence,
        int mss,
        int flowWindow,
        int requestType,
        int socketId,
        int cookie,
        int[] peerAddressWords) implements UdtPacket {

    public static final int CONTROL_INFO_SIZE = 48;
    public static final int VERSION = 4;
    public static final int STREAM = 1;
    /** The first request, and the listener's answer carrying the cookie. */
    public static final int REQUEST = 1;
    /** The request that returns the cookie, and the listener's acceptance. */
    public static final int RESPONSE = -1;
    public static final int REJECTED = 1002;

    public HandshakePacket {
        if (peerAddressWords.length != 4) {
            throw new IllegalArgumentException("a handshake carries 4 address words");
        }
        peerAddressWords = peerAddressWords.clone();
    }

    @Override
    public int[] peerAddressWords() {
        return peerAddressWords.clone();
    }

    public HandshakePacket withReply(int destination, int type, int cookieValue) {
        return new HandshakePacket(timestamp, destination, version, socketType, initialSequence, mss, flowWindow,
                type, socketId, cookieValue, peerAddressWords);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HandshakePacket that
                && timestamp == that.timestamp && destinationSocketId == that.destinationSocketId
                && version == that.version && socketType == that.socketType
                && initialSequence == that.initialSequence && mss == that.mss && flowWindow == that.flowWindow
                && requestType == that.requestType && socketId == that.socketId && cookie == that.cookie
                && Arrays.equals(peerAddressWords, that.peerAddressWords);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(peerAddressWords) + socketId * 17 + initialSequence;
    }

    @Override
    public String toString() {
        return "HandshakePacket[type=" + requestType + ", id=" + socketId + ", dest=" + destinationSocketId
                + ", isn=" + initialSequence + ", mss=" + mss + ", window=" + flowWindow + "]";
    }
}
