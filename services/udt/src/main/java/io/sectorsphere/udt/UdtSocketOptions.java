package io.sectorsphere.udt;

import io.sectorsphere.udt.cc.CongestionControls;
import java.time.Duration;

/**
 * Per-connection settings, UDT's socket options.
 *
 * @param mss                 maximum segment size in bytes including IP and UDP headers (UDT_MSS)
 * @param flowWindowPackets   the most unacknowledged packets this side lets its peer send (UDT_FC)
 * @param sendBufferPackets   packets of unacknowledged or unsent data kept for sending
 * @param receiveBufferPackets packets of received, not yet read data kept; bounds the receiver's memory
 * @param congestionControl   a name from {@link CongestionControls#names()}
 * @param maxBandwidthBytesPerSecond a cap on the sending rate, 0 for none (UDT_MAXBW)
 * @param connectTimeout      how long {@code connect} retries the handshake
 * @param linger              how long {@code close} waits for unsent data to be acknowledged
 */
public record UdtSocketOptions(
        int mss,
        int flowWindowPackets,
        int sendBufferPackets,
        int receiveBufferPackets,
        String congestionControl,
        long maxBandwidthBytesPerSecond,
        Duration connectTimeout,
        Duration linger) {

    public static final int MIN_MSS = 76;
    public static final int MAX_MSS = 65_535 - 8;
    /**
     * Direct memory a connection may hold per direction unless told otherwise: 48 MiB, two
     * bandwidth-delay products of a 1 Gb/s, 200 ms path at MSS 1500 (34 192 packets). The buffers
     * hold only what is in flight or unread, so a connection on a short or slow path uses a
     * fraction of it; see {@code SlotMemory} and {@code SendBuffer}.
     */
    public static final long DEFAULT_MEMORY_BUDGET_BYTES = 48L << 20;

    public UdtSocketOptions {
        if (mss < MIN_MSS || mss > MAX_MSS) {
            throw new IllegalArgumentException("mss must be within [" + MIN_MSS + ", " + MAX_MSS + "]: " + mss);
        }
        if (flowWindowPackets < 32 || sendBufferPackets < 32 || receiveBufferPackets < 32) {
            throw new IllegalArgumentException("windows and buffers must hold at least 32 packets");
        }
        CongestionControls.create(congestionControl);
        if (maxBandwidthBytesPerSecond < 0) {
            throw new IllegalArgumentException("maxBandwidthBytesPerSecond must not be negative");
        }
    }

    /**
     * MSS 1500, no rate cap, and the flow window and both buffers as many packets as
     * {@link #DEFAULT_MEMORY_BUDGET_BYTES} holds (UDT 4.11 has a 25600-packet flow window and
     * 8192-packet buffers, which hold a 1 Gb/s path to about 95 ms of round trip).
     */
    public static UdtSocketOptions defaults() {
        int packets = packetsWithin(DEFAULT_MEMORY_BUDGET_BYTES, 1500);
        return new UdtSocketOptions(1500, packets, packets, packets, CongestionControls.DEFAULT, 0,
                Duration.ofSeconds(3), Duration.ofSeconds(30));
    }

    /** Packets of {@code mss} whose slots (payload and UDT header) fit in {@code bytes}, at least 32. */
    public static int packetsWithin(long bytes, int mss) {
        return (int) Math.min(Integer.MAX_VALUE / 2, Math.max(32, bytes / (mss - 28)));
    }

    /** Flow window and buffers sized to what {@code bytesPerDirection} holds at this MSS. */
    public UdtSocketOptions withMemoryBudget(long bytesPerDirection) {
        int packets = packetsWithin(bytesPerDirection, mss);
        return withBuffers(packets, packets, packets);
    }

    public UdtSocketOptions withMss(int value) {
        return new UdtSocketOptions(value, flowWindowPackets, sendBufferPackets, receiveBufferPackets,
                congestionControl, maxBandwidthBytesPerSecond, connectTimeout, linger);
    }

    public UdtSocketOptions withBuffers(int flowWindow, int sendBuffer, int receiveBuffer) {
        return new UdtSocketOptions(mss, flowWindow, sendBuffer, receiveBuffer,
                congestionControl, maxBandwidthBytesPerSecond, connectTimeout, linger);
    }

    public UdtSocketOptions withCongestionControl(String name) {
        return new UdtSocketOptions(mss, flowWindowPackets, sendBufferPackets, receiveBufferPackets,
                name, maxBandwidthBytesPerSecond, connectTimeout, linger);
    }

    public UdtSocketOptions withMaxBandwidth(long bytesPerSecond) {
        return new UdtSocketOptions(mss, flowWindowPackets, sendBufferPackets, receiveBufferPackets,
                congestionControl, bytesPerSecond, connectTimeout, linger);
    }

    public UdtSocketOptions withConnectTimeout(Duration value) {
        return new UdtSocketOptions(mss, flowWindowPackets, sendBufferPackets, receiveBufferPackets,
                congestionControl, maxBandwidthBytesPerSecond, value, linger);
    }

    /** Payload bytes per data packet: the MSS less 28 bytes of IPv4 and UDP headers and 16 of UDT's. */
    public int payloadSize() {
        return mss - 28 - 16;
    }
}
