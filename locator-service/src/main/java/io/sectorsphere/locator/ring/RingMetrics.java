package io.sectorsphere.locator.ring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.sectorsphere.chord.ChordNode;
import java.util.function.ToDoubleFunction;
import org.springframework.stereotype.Component;

/**
 * The ring's own numbers: its estimated size, the members this node's view knows, the entries held
 * here and stabilization rounds run.
 */
@Component
class RingMetrics {

    private final Counter stabilizationRounds;

    RingMetrics(MeterRegistry registry, LocalNode localNode) {
        gauge(registry, localNode, "sector.locator.ring.size.estimate", null,
                "Nodes on the ring, estimated from the spread of this node's successor list",
                node -> node.view().estimatedRingSize());
        gauge(registry, localNode, "sector.locator.ring.members", "nodes",
                "Alive ring members in this node's membership view, itself included",
                node -> node.view().knownMembers());
        gauge(registry, localNode, "sector.locator.entries", "entries",
                "Location entries held by this node, its own and replicas", node -> node.view().storedEntries());
        stabilizationRounds = Counter.builder("sector.locator.stabilization.rounds")
                .description("Stabilization rounds run by this ring member")
                .register(registry);
    }

    void stabilizationRound() {
        stabilizationRounds.increment();
    }

    private static void gauge(MeterRegistry registry, LocalNode localNode, String name, String unit,
                              String description, ToDoubleFunction<ChordNode> value) {
        Gauge.builder(name, localNode, local -> local.get().map(value::applyAsDouble).orElse(0.0))
                .baseUnit(unit)
                .description(description)
                .strongReference(true)
                .register(registry);
    }
}
