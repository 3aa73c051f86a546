package io.sectorsphere.client;

import java.net.URI;
import java.time.Duration;

/**
 * Where and as whom a {@link SphereClient} talks to Sphere.
 *
 * @param endpoint any sphere worker, e.g. {@code http://127.0.0.11:6400}: every worker accepts jobs and
 *     answers for the jobs it knows
 * @param token the bearer token for submitting and cancelling jobs; null for reads only
 * @param connectTimeout how long to wait for a connection; null for 5 s
 * @param requestTimeout how long to wait for the start of an answer; null for 30 s
 */
public record SphereClientConfig(URI endpoint, String token, Duration connectTimeout, Duration requestTimeout) {

    /** The port every node's sphere worker listens on. */
    public static final int WORKER_PORT = 6400;
    public static final String ENDPOINT_VARIABLE = "SECTOR_SPHERE_ENDPOINT";

    public SphereClientConfig {
        endpoint = SectorClientConfig.base("sphere endpoint", endpoint);
        token = token == null || token.isBlank() ? null : token.strip();
        connectTimeout = SectorClientConfig.positive("connectTimeout", connectTimeout, Duration.ofSeconds(5));
        requestTimeout = SectorClientConfig.positive("requestTimeout", requestTimeout, Duration.ofSeconds(30));
    }

    /** Talks to {@code endpoint} with the default timeouts. */
    public static SphereClientConfig of(URI endpoint, String token) {
        return new SphereClientConfig(endpoint, token, null, null);
    }

    /** The worker beside a storage node: the same host, port {@value #WORKER_PORT}. */
    public static URI besideStorage(URI storageEndpoint) {
        return SectorClientConfig.withPort(storageEndpoint, WORKER_PORT);
    }

    /** Keeps the token out of logs and error messages. */
    @Override
    public String toString() {
        return "SphereClientConfig[endpoint=" + endpoint + ", token=" + (token == null ? "none" : "***")
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + "]";
    }
}
