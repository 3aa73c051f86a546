package io.sectorsphere.bench.terasort;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The largest heap this JVM used while it ran, sampled from its {@link MemoryMXBean} every 100 ms by a
 * daemon thread: here, the in-process cluster's 16 services (and this bench's few objects).
 */
final class HeapPeak implements AutoCloseable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread sampler;
    private volatile long peakBytes;

    HeapPeak() {
        sampler = Thread.ofPlatform().daemon().name("heap-peak").start(this::sample);
    }

    private void sample() {
        while (!Thread.currentThread().isInterrupted()) {
            peakBytes = Math.max(peakBytes, memory.getHeapMemoryUsage().getUsed());
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    long peakMib() {
        return peakBytes >> 20;
    }

    @Override
    public void close() {
        sampler.interrupt();
    }
}
