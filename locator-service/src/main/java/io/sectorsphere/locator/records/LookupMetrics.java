package io.sectorsphere.locator.records;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Counts locate requests by outcome and records the ring hops each one took. */
@Component
class LookupMetrics {

    private static final String LOOKUPS = "sector.locator.lookups";
    /** Beyond any lookup's hop limit plus its fallbacks, so the histogram needs few buckets. */
    private static final double MAX_EXPECTED_HOPS = 128;

    private final Counter found;
    private final Counter notFound;
    private final Counter failed;
    private final DistributionSummary hops;

    LookupMetrics(MeterRegistry registry) {
        found = counter(registry, "found");
        notFound = counter(registry, "not_found");
        failed = counter(registry, "failed");
        hops = DistributionSummary.builder("sector.locator.lookup.hops")
                .description("Ring nodes other than this one contacted to answer a locate request")
                .baseUnit("hops")
                .publishPercentileHistogram()
                .minimumExpectedValue(1.0)
                .maximumExpectedValue(MAX_EXPECTED_HOPS)
                .register(registry);
    }

    void found(int hopCount) {
        found.increment();
        hops.record(hopCount);
    }

    void notFound(int hopCount) {
        notFound.increment();
        hops.record(hopCount);
    }

    void failed() {
        failed.increment();
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder(LOOKUPS)
                .description("Locate requests answered by this node, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }
}
