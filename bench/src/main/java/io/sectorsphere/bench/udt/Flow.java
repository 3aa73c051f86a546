package io.sectorsphere.bench.udt;

/**
 * One measured transfer from a sender to a receiver. Creating it starts the receiving side;
 * {@link #begin()} starts the sender, so several flows can be set up first and then begin together.
 * Every side runs in a process of its own started for this flow: no flow is warmed up.
 */
interface Flow extends AutoCloseable {

    void begin() throws Exception;

    /**
     * Bytes the receiver got so far, while the flow runs, for a measurement window several flows
     * share; only flows made for one count them.
     */
    long deliveredBytes() throws Exception;

    /** Waits for the transfer to end and returns what the receiver measured. */
    FlowResult await() throws Exception;

    /** Ends whatever this flow started that still runs. */
    @Override
    void close();

    /**
     * @param mbps       goodput at the receiver, megabits per second
     * @param bytes      bytes the receiver got
     * @param cpuSeconds CPU time of sender and receiver together over the transfer, NaN when not measured
     * @param transport  the transport a flow chose by itself, or null
     */
    record FlowResult(double mbps, long bytes, double cpuSeconds, String transport) {

        FlowResult(double mbps, long bytes, double cpuSeconds) {
            this(mbps, bytes, cpuSeconds, null);
        }

        /** CPU seconds of both ends per 10^9 bytes delivered. */
        double cpuSecondsPerGigabyte() {
            return bytes == 0 ? Double.NaN : cpuSeconds / (bytes / 1e9);
        }
    }
}
