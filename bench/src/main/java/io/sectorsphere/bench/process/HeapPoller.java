package io.sectorsphere.bench.process;

/** Polls a service's {@code jvm.memory.used{area=heap}} every 100 ms and keeps the largest value. */
public final class HeapPoller implements Runnable {

    private final ServiceProcess service;
    private volatile boolean running = true;
    private double maxHeap;
    private int samples;

    public HeapPoller(ServiceProcess service) {
        this.service = service;
    }

    @Override
    public void run() {
        while (running) {
            service.metric("jvm.memory.used", "area:heap").ifPresent(this::record);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void record(double heapBytes) {
        maxHeap = Math.max(maxHeap, heapBytes);
        samples++;
    }

    public void stop() {
        running = false;
    }

    public synchronized double maxHeapBytes() {
        return maxHeap;
    }

    public synchronized int samples() {
        return samples;
    }
}
