package io.sectorsphere.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Sends requests and hands back the bodies of the answers that count as success; everything else
 * becomes a {@link SectorException}: connection failures and timeouts {@link UnavailableException},
 * error statuses the exception for their kind (see {@link Problems}).
 *
 * <p>Redirects of reads are followed here rather than by {@link HttpClient}, so a redirected read
 * keeps its headers ({@code Range} above all) and stops after a few hops. A node answers a read of a
 * file it does not hold with 307 to a holder.
 */
final class HttpTransport {

    private static final int MAX_REDIRECTS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final String PROXY = "proxy=true";
    private static final Set<String> FOLLOWED = Set.of("GET", "HEAD");

    private final HttpClient client;
    private final Duration requestTimeout;

    HttpTransport(HttpClient client, Duration requestTimeout) {
        this.client = client;
        this.requestTimeout = requestTimeout;
    }

    static HttpClient newHttpClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A request to {@code uri} that must start answering within the request timeout. */
    HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(requestTimeout);
    }

    /** A request to {@code uri} without a deadline for its answer: an upload is answered only once sent. */
    HttpRequest.Builder untimedRequest(URI uri) {
        return HttpRequest.newBuilder(uri);
    }

    /** Sends {@code request} and returns the answer if it is 2xx, following redirects of reads. */
    HttpResponse<InputStream> send(HttpRequest request, String what) {
        return send(request, what, status -> status / 100 == 2);
    }

    /** Sends {@code request} and returns the answer if {@code accepted} takes its status. */
    HttpResponse<InputStream> send(HttpRequest request, String what, IntPredicate accepted) {
        HttpRequest current = request;
        HttpRequest redirecting = null;
        for (int hop = 0; ; hop++) {
            HttpResponse<InputStream> response;
            try {
                response = exchange(current, what);
            } catch (UnavailableException e) {
                if (redirecting == null || isProxied(redirecting.uri())) {
                    throw e;
                }
                // The node that redirected here ranked a holder that has since gone; asked to proxy,
                // it streams from a holder that answers.
                current = HttpRequest.newBuilder(redirecting, (name, value) -> true)
                        .uri(proxied(redirecting.uri())).build();
                redirecting = null;
                continue;
            }
            int status = response.statusCode();
            if (REDIRECTS.contains(status) && FOLLOWED.contains(current.method())) {
                URI next = location(response, what);
                if (hop == MAX_REDIRECTS) {
                    throw new SectorException(what + ": more than " + MAX_REDIRECTS + " redirects", status);
                }
                redirecting = current;
                current = HttpRequest.newBuilder(current, (name, value) -> true).uri(next).build();
                continue;
            }
            if (accepted.test(status)) {
                return response;
            }
            throw Problems.of(what, status, response.body());
        }
    }

    private HttpResponse<InputStream> exchange(HttpRequest request, String what) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UnavailableException(what + ": cannot reach " + origin(request.uri()) + ": " + describe(e), 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SectorException(what + ": interrupted", 0, e);
        }
    }

    private static boolean isProxied(URI uri) {
        return uri.getRawQuery() != null && Set.of(uri.getRawQuery().split("&")).contains(PROXY);
    }

    private static URI proxied(URI uri) {
        String query = uri.getRawQuery() == null ? PROXY : uri.getRawQuery() + "&" + PROXY;
        return URI.create(origin(uri) + uri.getRawPath() + "?" + query);
    }

    private static URI location(HttpResponse<InputStream> response, String what) {
        discard(response.body());
        String location = response.headers().firstValue("Location").orElseThrow(() -> new SectorException(
                what + ": redirect without a Location", response.statusCode()));
        try {
            return response.uri().resolve(location);
        } catch (IllegalArgumentException e) {
            throw new SectorException(what + ": redirect to an invalid Location", response.statusCode(), e);
        }
    }

    /** Closes a body that is not needed. */
    static void discard(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            // Nothing was wanted from it.
        }
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static String describe(IOException e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }
}
