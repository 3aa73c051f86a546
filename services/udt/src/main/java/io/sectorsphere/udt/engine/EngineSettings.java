package io.sectorsphere.udt.engine;

import io.netty.channel.ChannelHandler;
import java.util.List;
import java.util.function.Supplier;

/**
 * Engine timings and socket sizes that are not UDT socket options. The defaults are UDT 4.11's;
 * tests shorten the timers and may put handlers in front of the decoder (to drop packets).
 *
 * @param minExpIntervalMicros     the EXP timer's floor per expiration (4.11: 300 ms)
 * @param breakAfterExpirations    expirations in a row after which a silent peer is given up
 * @param breakAfterSilenceMicros  and the silence since the last expiration must exceed this (4.11: 5 s)
 * @param handshakeRetryMicros     a connection request is repeated this often until answered (4.11: 250 ms)
 * @param socketBufferBytes        the UDP socket's send and receive buffers
 * @param inboundInterceptors      handlers placed before the decoder, for tests
 */
public record EngineSettings(
        long minExpIntervalMicros,
        int breakAfterExpirations,
        long breakAfterSilenceMicros,
        long handshakeRetryMicros,
        int socketBufferBytes,
        List<Supplier<ChannelHandler>> inboundInterceptors) {

    public EngineSettings {
        inboundInterceptors = List.copyOf(inboundInterceptors);
    }

    public static EngineSettings defaults() {
        return new EngineSettings(300_000, 16, 5_000_000, 250_000, 8 << 20, List.of());
    }

    public EngineSettings withBreakTimers(long minExpMicros, int expirations, long silenceMicros) {
        return new EngineSettings(minExpMicros, expirations, silenceMicros, handshakeRetryMicros,
                socketBufferBytes, inboundInterceptors);
    }

    public EngineSettings withInboundInterceptor(Supplier<ChannelHandler> handler) {
        List<Supplier<ChannelHandler>> handlers = new java.util.ArrayList<>(inboundInterceptors);
        handlers.add(handler);
        return new EngineSettings(minExpIntervalMicros, breakAfterExpirations, breakAfterSilenceMicros,
                handshakeRetryMicros, socketBufferBytes, handlers);
    }
}
