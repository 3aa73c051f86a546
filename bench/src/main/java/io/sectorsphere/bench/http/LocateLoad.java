package io.sectorsphere.bench.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An open-loop load of {@code GET /api/v1/locate/{name}} at a fixed rate: request i is due at
 * {@code start + i/rate} and is sent then on its own virtual thread, whether or not earlier ones
 * have answered. Its latency counts from when it was due, so a stalled server shows up in the
 * tail instead of silently lowering the rate (no coordinated omission).
 */
final class LocateLoad {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Latencies of the measured requests, and what went wrong. */
    record Outcome(long[] sortedNanos, int errors, double meanHops) {

        double percentileMillis(double p) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p * sortedNanos.length) - 1;
            return sortedNanos[Math.max(0, index)] / 1e6;
        }
    }

    private final List<String> nodeUrls;
    private final List<String> names;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * @param nodeUrls the ring's nodes; each request goes to one of them at random
     * @param names published names (URL-safe); each request asks for one at random
     */
    LocateLoad(List<String> nodeUrls, List<String> names) {
        this.nodeUrls = List.copyOf(nodeUrls);
        this.names = List.copyOf(names);
    }

    /** Sends {@code rate × duration} requests, after an unrecorded warm-up at the same rate. */
    Outcome run(int ratePerSecond, Duration warmUp, Duration duration) {
        try {
            send(ratePerSecond, (int) (ratePerSecond * warmUp.toMillis() / 1000), 1);
            return send(ratePerSecond, (int) (ratePerSecond * duration.toMillis() / 1000), 2);
        } finally {
            http.close();
        }
    }

    private Outcome send(int ratePerSecond, int count, long seed) {
        long period = TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
        long[] latencies = new long[count];
        AtomicInteger errors = new AtomicInteger();
        AtomicLong hops = new AtomicLong();
        AtomicInteger answered = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(count);
        SplittableRandom random = new SplittableRandom(seed);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * period;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            int slot = i;
            String node = nodeUrls.get(random.nextInt(nodeUrls.size()));
            String name = names.get(random.nextInt(names.size()));
            Thread.ofVirtual().start(() -> {
                try {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                    URI.create(node + "/api/v1/locate/" + name)).timeout(REQUEST_TIMEOUT).build(),
                            HttpResponse.BodyHandlers.ofString());
                    latencies[slot] = System.nanoTime() - due;
                    JsonNode body = response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
                    if (body == null || !name.equals(body.path("name").asString())) {
                        errors.incrementAndGet();
                    } else {
                        hops.addAndGet(body.path("hops").asInt());
                        answered.incrementAndGet();
                    }
                } catch (IOException | RuntimeException e) {
                    latencies[slot] = System.nanoTime() - due;
                    errors.incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    errors.incrementAndGet();
                } finally {
                    done.countDown();
                }
            });
        }
        try {
            if (!done.await(REQUEST_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS)) {
                throw new IllegalStateException(done.getCount() + " locate requests never finished");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        Arrays.sort(latencies);
        int ok = answered.get();
        return new Outcome(latencies, errors.get(), ok == 0 ? Double.NaN : (double) hops.get() / ok);
    }
}
