package io.sectorsphere.bench.udt;

/**
 * One measured transfer from a sender to a receiver. Creating it starts the receiving side;
 * {@link #begin()} starts the sender, so several flows can be set up first and then begin together.
 */
interface Flow extends AutoCloseable {

    void begin() throws Exception;

    /** Waits for the transfer to end and returns what the receiver measured. */
    FlowResult await() throws Exception;

    /** Ends whatever this flow started that still runs. */
    @Override
    void close();

    /**
     * @param mbps       goodput at the receiver, megabits per second
     * @param bytes      bytes the receiver got
     * @param cpuSeconds CPU time of sender and receiver together, NaN when not measured
     */
    record FlowResult(double mbps, long bytes, double cpuSeconds) {

        /** CPU seconds of both ends per 10^9 bytes delivered. */
        double cpuSecondsPerGigabyte() {
            return bytes == 0 ? Double.NaN : cpuSeconds / (bytes / 1e9);
        }
    }
}
