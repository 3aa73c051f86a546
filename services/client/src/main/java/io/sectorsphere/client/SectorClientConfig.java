package io.sectorsphere.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;

/**
 * Where and as whom a {@link SectorClient} talks to the cluster.
 *
 * @param endpoint any storage node, e.g. {@code http://127.0.0.11:6200}: every node answers for every file
 * @param locator the locator to ask for locations and cluster state; null for the endpoint's host on
 *     port {@value #LOCATOR_PORT}, where every node runs one
 * @param token the bearer token for writes; null for reads only
 * @param connectTimeout how long to wait for a connection; null for 5 s
 * @param requestTimeout how long to wait for the start of an answer to anything but an upload (whose
 *     answer comes only once it is sent); null for 30 s
 */
public record SectorClientConfig(URI endpoint, URI locator, String token, Duration connectTimeout,
                                 Duration requestTimeout) {

    public static final int LOCATOR_PORT = 6100;
    /** Node 1 of the local cluster that {@code ./sector local} starts. */
    public static final URI DEFAULT_ENDPOINT = URI.create("http://127.0.0.11:6200");
    public static final String ENDPOINT_VARIABLE = "SECTOR_ENDPOINT";
    public static final String TOKEN_VARIABLE = "SECTOR_TOKEN";
    public static final String LOCATOR_VARIABLE = "SECTOR_LOCATOR";

    public SectorClientConfig {
        endpoint = base("endpoint", endpoint);
        locator = locator == null ? withPort(endpoint, LOCATOR_PORT) : base("locator", locator);
        token = token == null || token.isBlank() ? null : token.strip();
        connectTimeout = positive("connectTimeout", connectTimeout, Duration.ofSeconds(5));
        requestTimeout = positive("requestTimeout", requestTimeout, Duration.ofSeconds(30));
    }

    /** Talks to {@code endpoint} and the locator beside it, with the default timeouts. */
    public static SectorClientConfig of(URI endpoint, String token) {
        return new SectorClientConfig(endpoint, null, token, null, null);
    }

    /**
     * From {@code SECTOR_ENDPOINT} (default {@link #DEFAULT_ENDPOINT}), {@code SECTOR_TOKEN} and, if
     * the locator is not beside the endpoint, {@code SECTOR_LOCATOR}.
     */
    public static SectorClientConfig fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    public static SectorClientConfig fromEnvironment(Map<String, String> environment) {
        String endpoint = environment.get(ENDPOINT_VARIABLE);
        String locator = environment.get(LOCATOR_VARIABLE);
        return new SectorClientConfig(
                endpoint == null || endpoint.isBlank() ? DEFAULT_ENDPOINT : parse(ENDPOINT_VARIABLE, endpoint),
                locator == null || locator.isBlank() ? null : parse(LOCATOR_VARIABLE, locator),
                environment.get(TOKEN_VARIABLE), null, null);
    }

    /** Keeps the token out of logs and error messages. */
    @Override
    public String toString() {
        return "SectorClientConfig[endpoint=" + endpoint + ", locator=" + locator + ", token="
                + (token == null ? "none" : "***") + ", connectTimeout=" + connectTimeout + ", requestTimeout="
                + requestTimeout + "]";
    }

    /** An http(s) URL with a host, without query or fragment, and without a trailing slash. */
    static URI base(String what, URI uri) {
        if (uri == null) {
            throw new IllegalArgumentException(what + " is required, as an http(s) URL");
        }
        boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
        if (!http || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(what + " must be http(s)://host[:port][/path], got '" + uri + "'");
        }
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }

    static URI withPort(URI uri, int port) {
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), port, null, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("no URL with port " + port + " can be made from " + uri, e);
        }
    }

    static URI parse(String variable, String value) {
        try {
            return new URI(value.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(variable + " is not a URL: " + e.getMessage(), e);
        }
    }

    static Duration positive(String what, Duration value, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be positive");
        }
        return value;
    }
}
