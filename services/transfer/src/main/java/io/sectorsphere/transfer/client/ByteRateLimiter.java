package io.sectorsphere.transfer.client;

/**
 * Caps the bytes per second of one transfer across all its connections: a token bucket holding
 * at most a quarter second of tokens, so a pause is not followed by a burst.
 */
public final class ByteRateLimiter {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long bytesPerSecond;
    private final double capacity;
    private double tokens;
    private long refilledAt;

    private ByteRateLimiter(long bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
        this.capacity = Math.max(64 << 10, bytesPerSecond / 4.0);
        this.tokens = capacity;
        this.refilledAt = System.nanoTime();
    }

    /** No limit at all. */
    public static ByteRateLimiter unlimited() {
        return new ByteRateLimiter(0);
    }

    /** At most {@code bytesPerSecond}; {@code 0} for none. */
    public static ByteRateLimiter of(long bytesPerSecond) {
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("a rate limit must not be negative");
        }
        return new ByteRateLimiter(bytesPerSecond);
    }

    public long bytesPerSecond() {
        return bytesPerSecond;
    }

    /** Waits until {@code bytes} may pass. */
    public void acquire(int bytes) throws InterruptedException {
        if (bytesPerSecond == 0) {
            return;
        }
        long waitNanos;
        synchronized (this) {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - refilledAt) * (double) bytesPerSecond / NANOS_PER_SECOND);
            refilledAt = now;
            tokens -= bytes;
            waitNanos = tokens >= 0 ? 0 : (long) (-tokens * NANOS_PER_SECOND / bytesPerSecond);
        }
        if (waitNanos > 0) {
            Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
        }
    }
}
