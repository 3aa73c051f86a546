package io.sectorsphere.udt;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Settings shared by every connection of one endpoint.
 *
 * @param acceptBacklog             established connections waiting for {@code accept}
 * @param maxConnectionsPerPeer     connections one remote address may hold open at once
 * @param handshakesPerSecondPerPeer connection requests answered per remote address and second
 * @param meterRegistry             where per-connection statistics are published
 */
public record UdtEndpointConfig(
        int acceptBacklog,
        int maxConnectionsPerPeer,
        int handshakesPerSecondPerPeer,
        MeterRegistry meterRegistry) {

    public static UdtEndpointConfig defaults() {
        return new UdtEndpointConfig(64, 64, 100, new SimpleMeterRegistry());
    }

    public UdtEndpointConfig withMeterRegistry(MeterRegistry registry) {
        return new UdtEndpointConfig(acceptBacklog, maxConnectionsPerPeer, handshakesPerSecondPerPeer, registry);
    }
}
