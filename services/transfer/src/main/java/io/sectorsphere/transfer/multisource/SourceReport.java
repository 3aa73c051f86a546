package io.sectorsphere.transfer.multisource;

/**
 * What one source contributed.
 *
 * @param label        the source's label
 * @param transport    the transport used
 * @param bytes        bytes it delivered
 * @param ranges       ranges it completed
 * @param activeNanos  time from the start until its last range completed or it failed
 * @param failure      why it was dropped, or null if it never failed
 */
public record SourceReport(String label, String transport, long bytes, int ranges, long activeNanos, String failure) {

    /** Its average rate over its active time, bytes per second. */
    public double bytesPerSecond() {
        return activeNanos == 0 ? 0 : bytes * 1e9 / activeNanos;
    }
}
