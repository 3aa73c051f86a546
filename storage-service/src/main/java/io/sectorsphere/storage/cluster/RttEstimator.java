package io.sectorsphere.storage.cluster;

import io.sectorsphere.common.location.Replica;
import io.sectorsphere.storage.config.StorageProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Round-trip times from this node to other holders, as this node measures them (the "best
 * replica" of seed 002 is the nearest one from where the request arrived). A probe is one small
 * GET of the holder's liveness endpoint; samples are smoothed per holder (EWMA) and trusted for
 * {@code peers.rtt-ttl}, after which the next request measures again. A holder that does not
 * answer ranks last.
 */
@Component
public class RttEstimator {

    private static final double WEIGHT_OF_NEW_SAMPLE = 0.3;
    private static final String PROBE_PATH = "/actuator/health/liveness";

    /** Smoothed RTT in nanoseconds, or NaN for a holder that did not answer. */
    private record Estimate(double nanos, Instant measuredAt) {
        boolean reachable() {
            return !Double.isNaN(nanos);
        }
    }

    private final HttpClient http;
    private final Clock clock;
    private final Duration probeTimeout;
    private final Duration trustedFor;
    private final Map<String, Estimate> estimates = new ConcurrentHashMap<>();

    RttEstimator(HttpClient peerHttpClient, Clock clock, StorageProperties properties) {
        this.http = peerHttpClient;
        this.clock = clock;
        this.probeTimeout = properties.peers().rttProbeTimeout();
        this.trustedFor = properties.peers().rttTtl();
    }

    /** The candidates nearest first, measuring those without a fresh estimate (in parallel). */
    public List<Replica> rank(List<Replica> candidates) {
        Instant staleBefore = clock.instant().minus(trustedFor);
        List<CompletableFuture<Void>> probes = candidates.stream()
                .filter(replica -> {
                    Estimate estimate = estimates.get(replica.holder());
                    return estimate == null || estimate.measuredAt().isBefore(staleBefore);
                })
                .map(this::probe)
                .toList();
        CompletableFuture.allOf(probes.toArray(CompletableFuture[]::new)).join();
        return candidates.stream()
                .sorted(Comparator.comparingDouble((Replica replica) -> rtt(replica.holder()))
                        .thenComparing(Replica::holder))
                .toList();
    }

    /** The smoothed RTT to {@code holder} in nanoseconds; infinite if unknown or unreachable. */
    public double rtt(String holder) {
        Estimate estimate = estimates.get(holder);
        return estimate == null || !estimate.reachable() ? Double.POSITIVE_INFINITY : estimate.nanos();
    }

    private CompletableFuture<Void> probe(Replica replica) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(stripSlash(replica.httpAddress()) + PROBE_PATH))
                    .timeout(probeTimeout).GET().build();
        } catch (IllegalArgumentException e) {
            record(replica.holder(), Double.NaN);
            return CompletableFuture.completedFuture(null);
        }
        long start = System.nanoTime();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .orTimeout(probeTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((response, failure) -> {
                    boolean answered = failure == null && response.statusCode() < 500;
                    record(replica.holder(), answered ? System.nanoTime() - start : Double.NaN);
                    return null;
                });
    }

    private void record(String holder, double sample) {
        Instant now = clock.instant();
        estimates.compute(holder, (key, old) -> {
            if (Double.isNaN(sample) || old == null || !old.reachable()) {
                return new Estimate(sample, now);
            }
            return new Estimate(old.nanos() + WEIGHT_OF_NEW_SAMPLE * (sample - old.nanos()), now);
        });
    }

    static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
