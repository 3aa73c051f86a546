package io.sectorsphere.udt.engine;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token bucket per remote address for connection requests, so a flood from one address costs
 * the listener at most its rate. The table of addresses is bounded; the least recently seen
 * ones are forgotten. Used on the event loop only.
 */
final class HandshakeRateLimiter {

    private static final int MAX_TRACKED_PEERS = 4096;

    private final int perSecond;
    private final Map<InetAddress, long[]> buckets = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<InetAddress, long[]> eldest) {
            return size() > MAX_TRACKED_PEERS;
        }
    };

    HandshakeRateLimiter(int perSecond) {
        this.perSecond = Math.max(1, perSecond);
    }

    /** Whether a request from {@code peer} may be answered now. */
    boolean tryAcquire(InetAddress peer, long nowMicros) {
        // bucket[0]: tokens scaled by 1e6, bucket[1]: last refill time
        long[] bucket = buckets.computeIfAbsent(peer, p -> new long[] {perSecond * 1_000_000L, nowMicros});
        long elapsed = Math.max(0, nowMicros - bucket[1]);
        bucket[0] = Math.min(perSecond * 1_000_000L, bucket[0] + elapsed * perSecond);
        bucket[1] = nowMicros;
        if (bucket[0] < 1_000_000L) {
            return false;
        }
        bucket[0] -= 1_000_000L;
        return true;
    }
}
