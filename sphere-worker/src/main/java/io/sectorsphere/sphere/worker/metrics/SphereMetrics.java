package io.sectorsphere.sphere.worker.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.sectorsphere.sphere.worker.exec.SpePool;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * The worker's meters, all registered at start so they read zero before the first event:
 * {@code sector.sphere.jobs{outcome}}, {@code sector.sphere.segments{outcome}},
 * {@code sector.sphere.retries}, {@code sector.sphere.speculative.copies},
 * {@code sector.sphere.function.time}, {@code sector.sphere.shuffle.bytes{transport}} and
 * {@code sector.sphere.elements.busy}.
 */
@Component
public class SphereMetrics {

    /** How a job or a segment attempt ended. */
    public enum Outcome { SUCCEEDED, FAILED, LOST, CANCELLED }

    private final Map<Outcome, Counter> jobs = new EnumMap<>(Outcome.class);
    private final Map<Outcome, Counter> segments = new EnumMap<>(Outcome.class);
    private final Counter retries;
    private final Counter speculative;
    private final Timer functionTime;
    private final Counter shuffleBytes;

    SphereMetrics(MeterRegistry registry, SpePool pool) {
        for (Outcome outcome : Outcome.values()) {
            String tag = outcome.name().toLowerCase(java.util.Locale.ROOT);
            jobs.put(outcome, Counter.builder("sector.sphere.jobs").tag("outcome", tag)
                    .description("Jobs this worker coordinated, by how they ended").register(registry));
            segments.put(outcome, Counter.builder("sector.sphere.segments").tag("outcome", tag)
                    .description("Segment attempts this worker coordinated, by how they ended").register(registry));
        }
        retries = Counter.builder("sector.sphere.retries").description("Segment attempts started again after a failure")
                .register(registry);
        speculative = Counter.builder("sector.sphere.speculative.copies")
                .description("Speculative copies started for slow segments").register(registry);
        functionTime = Timer.builder("sector.sphere.function.time")
                .description("Time attempts spent in processing elements on this worker").register(registry);
        shuffleBytes = Counter.builder("sector.sphere.shuffle.bytes").baseUnit("bytes").tag("transport", "http")
                .description("Bucket output sent to the workers owning the buckets").register(registry);
        Gauge.builder("sector.sphere.elements.busy", pool, SpePool::busy)
                .description("Processing elements running an attempt now").register(registry);
        Gauge.builder("sector.sphere.elements", pool, SpePool::size)
                .description("Processing elements of this worker").register(registry);
    }

    public void job(Outcome outcome) {
        jobs.get(outcome).increment();
    }

    public void segment(Outcome outcome) {
        segments.get(outcome).increment();
    }

    public void retried() {
        retries.increment();
    }

    public void speculativeCopy() {
        speculative.increment();
    }

    public void functionTime(long nanos) {
        functionTime.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void shuffled(long bytes) {
        shuffleBytes.increment(bytes);
    }
}
