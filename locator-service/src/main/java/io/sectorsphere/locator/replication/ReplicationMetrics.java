package io.sectorsphere.locator.replication;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** Copy requests by outcome, and the under-replicated files this locator owns as of its last check. */
@Component
class ReplicationMetrics {

    private static final String REQUESTS = "sector.locator.replication.requests";

    private final Map<ReplicaRequester.Outcome, Counter> requests = new EnumMap<>(ReplicaRequester.Outcome.class);
    private final Counter noTarget;
    private final AtomicInteger underReplicated = new AtomicInteger();

    ReplicationMetrics(MeterRegistry registry) {
        for (ReplicaRequester.Outcome outcome : ReplicaRequester.Outcome.values()) {
            requests.put(outcome, counter(registry, outcome.name().toLowerCase(Locale.ROOT)));
        }
        noTarget = counter(registry, "no_target");
        Gauge.builder("sector.locator.replication.under.replicated", underReplicated, AtomicInteger::get)
                .description("Files whose records this locator owns with fewer live replicas than the minimum")
                .baseUnit("files")
                .register(registry);
    }

    void requested(ReplicaRequester.Outcome outcome) {
        requests.get(outcome).increment();
    }

    /** Copies that could not be asked for because no node had room. */
    void noTarget(int count) {
        noTarget.increment(count);
    }

    void underReplicated(int count) {
        underReplicated.set(count);
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder(REQUESTS)
                .description("Copies this locator asked storage nodes to make, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }
}
