package io.sectorsphere.locator.ring;

import io.sectorsphere.chord.ChordNode;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** UP only when this node is a ring member whose successor points back at it; part of readiness. */
@Component
class RingHealthIndicator implements HealthIndicator {

    private final LocalNode localNode;

    RingHealthIndicator(LocalNode localNode) {
        this.localNode = localNode;
    }

    @Override
    public Health health() {
        return localNode.get().map(RingHealthIndicator::of)
                .orElseGet(() -> Health.outOfService().withDetail("state", "starting").build());
    }

    private static Health of(ChordNode node) {
        Health.Builder health = node.isStable() ? Health.up() : Health.outOfService();
        String state = node.isStable() ? "stable" : node.isMember() ? "stabilizing" : "joining";
        return health.withDetail("state", state)
                .withDetail("address", node.self().address())
                .withDetail("successors", node.successors().size())
                .build();
    }
}
