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

    /** UDT 4.11's defaults: MSS 1500, flow window 25600, 8192-packet buffers, no rate cap. */
    public static UdtSocketOptions defaults() {
        return new UdtSocketOptions(1500, 25_600, 8192, 8192, CongestionControls.DEFAULT, 0,
                Duration.ofSeconds(3), Duration.ofSeconds(30));
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
