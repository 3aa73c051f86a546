package io.sectorsphere.udt.engine;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/**
 * One endpoint's totals over all its connections, published as {@code sector.udt.*} meters
 * tagged only by the endpoint's local port. Connections add to them on the event loop.
 */
final class EndpointMetrics implements AutoCloseable {

    final LongAdder packetsSent = new LongAdder();
    final LongAdder packetsReceived = new LongAdder();
    final LongAdder packetsRetransmitted = new LongAdder();
    final LongAdder packetsLost = new LongAdder();
    final LongAdder bytesSent = new LongAdder();
    final LongAdder bytesReceived = new LongAdder();
    final LongAdder malformed = new LongAdder();
    final LongAdder rejected = new LongAdder();
    final LongAdder unknownDestination = new LongAdder();
    final LongAdder outOfWindow = new LongAdder();
    final LongAdder handshakesRefused = new LongAdder();
    final LongAdder connectionsOpened = new LongAdder();
    final LongAdder connectionsBroken = new LongAdder();

    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();

    EndpointMetrics(MeterRegistry registry, int localPort, IntSupplier openConnections) {
        this.registry = registry;
        Tags tags = Tags.of("port", Integer.toString(localPort));
        counter("sector.udt.packets.sent", "packets", "data packets sent, retransmissions included", tags, packetsSent);
        counter("sector.udt.packets.received", "packets", "data packets received", tags, packetsReceived);
        counter("sector.udt.packets.retransmitted", "packets", "data packets sent again", tags, packetsRetransmitted);
        counter("sector.udt.packets.lost", "packets", "packets the receiver found missing", tags, packetsLost);
        counter("sector.udt.bytes.sent", "bytes", "payload bytes sent for the first time", tags, bytesSent);
        counter("sector.udt.bytes.received", "bytes", "payload bytes delivered in order", tags, bytesReceived);
        counter("sector.udt.packets.dropped", "packets", "dropped packets", tags.and("reason", "malformed"), malformed);
        counter("sector.udt.packets.dropped", "packets", "dropped packets", tags.and("reason", "invalid"), rejected);
        counter("sector.udt.packets.dropped", "packets", "dropped packets", tags.and("reason", "unknown-destination"), unknownDestination);
        counter("sector.udt.packets.dropped", "packets", "dropped packets", tags.and("reason", "out-of-window"), outOfWindow);
        counter("sector.udt.handshakes.refused", "requests", "connection requests refused or rate limited", tags, handshakesRefused);
        counter("sector.udt.connections.opened", "connections", "connections established", tags, connectionsOpened);
        counter("sector.udt.connections.broken", "connections", "connections given up after the peer went silent", tags, connectionsBroken);
        // Strong: the registry would otherwise hold the only (weak) reference to the lambda, and a
        // collection would turn the gauge into NaN.
        meters.add(Gauge.builder("sector.udt.connections", openConnections, IntSupplier::getAsInt).strongReference(true)
                .description("open connections").baseUnit("connections").tags(tags).register(registry));
    }

    private void counter(String name, String unit, String description, Tags tags, LongAdder source) {
        meters.add(FunctionCounter.builder(name, source, LongAdder::doubleValue)
                .description(description).baseUnit(unit).tags(tags).register(registry));
    }

    @Override
    public void close() {
        meters.forEach(registry::remove);
    }
}
