package io.sectorsphere.storage.cluster;

import io.sectorsphere.common.FileName;
import io.sectorsphere.common.FileNamePaths;
import io.sectorsphere.common.location.Replica;
import io.sectorsphere.storage.config.NodeIdentity;
import io.sectorsphere.storage.config.StorageProperties;
import io.sectorsphere.storage.files.LocalFile;
import io.sectorsphere.storage.metrics.StorageMetrics;
import io.sectorsphere.storage.publish.LocatorClient;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Answers a read of a file this node does not hold, so that every node answers for every file: the
 * ring says who holds it, the nearest holder by measured RTT is chosen, and the client is sent
 * there with 307 (method, path and query kept) or, with {@code ?proxy=true}, the bytes are streamed
 * through with the holder's status and headers, Range and conditional requests included.
 */
@Component
public class RemoteReads {

    private static final Logger log = LoggerFactory.getLogger(RemoteReads.class);
    /** Asks a holder to answer from its own disk only, so a stale record cannot bounce a request around. */
    public static final String LOCAL_ONLY = "scope=local";
    /** As large as the client's read buffers (see JdkHttpClientBuffers), so a read takes one of them whole. */
    private static final int BUFFER = 256 * 1024;
    private static final List<String> REQUEST_HEADERS = List.of(HttpHeaders.RANGE, HttpHeaders.IF_RANGE,
            HttpHeaders.IF_NONE_MATCH, HttpHeaders.IF_MODIFIED_SINCE, HttpHeaders.ACCEPT, HttpHeaders.AUTHORIZATION);
    private static final List<String> RESPONSE_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_RANGE,
            HttpHeaders.ACCEPT_RANGES, HttpHeaders.ETAG, HttpHeaders.LAST_MODIFIED, "Repr-Digest",
            HttpHeaders.WWW_AUTHENTICATE, "Sector-Record-From", "Sector-Record-Count", "Sector-Record-Total");

    private final LocatorClient locator;
    private final NodeIdentity identity;
    private final RttEstimator rtt;
    private final HttpClient http;
    private final StorageMetrics metrics;
    private final Duration readTimeout;

    RemoteReads(LocatorClient locator, NodeIdentity identity, RttEstimator rtt, HttpClient peerHttpClient,
                StorageMetrics metrics, StorageProperties properties) {
        this.locator = locator;
        this.identity = identity;
        this.rtt = rtt;
        this.http = peerHttpClient;
        this.metrics = metrics;
        this.readTimeout = properties.peers().readTimeout();
    }

    /**
     * The other holders of a file, nearest first. A record index is not located on its own: the
     * holders of its file hold it.
     */
    public List<Replica> holders(FileName name) {
        List<Replica> others = otherHolders(name);
        if (others.isEmpty()) {
            others = LocalFile.indexedFile(name).map(this::otherHolders).orElse(List.of());
        }
        if (others.isEmpty()) {
            metrics.remoteRead("not_found");
            throw new FileNotLocatedException(name, "no node holds '" + name + "'");
        }
        return rtt.rank(others);
    }

    private List<Replica> otherHolders(FileName name) {
        return locator.locate(name).map(location -> location.replicas().stream()
                .filter(replica -> !identity.isSelf(replica.holder())).toList()).orElse(List.of());
    }

    /**
     * @param suffix what follows the name in the request path ({@code ""} or {@code "/records"})
     * @throws FileNotLocatedException if no other node holds the file
     */
    public void answer(FileName name, String suffix, boolean proxy, HttpServletRequest request,
                       HttpServletResponse response) throws IOException {
        List<Replica> holders = holders(name);
        String path = "/api/v1/files/" + FileNamePaths.encode(name) + suffix;
        String query = request.getQueryString();
        if (!proxy) {
            metrics.remoteRead("redirect");
            response.setStatus(HttpServletResponse.SC_TEMPORARY_REDIRECT);
            response.setHeader(HttpHeaders.LOCATION,
                    RttEstimator.stripSlash(holders.getFirst().httpAddress()) + path + (query == null ? "" : "?" + query));
            return;
        }
        metrics.remoteRead("proxy");
        String localQuery = (query == null ? "" : query + "&") + LOCAL_ONLY;
        for (Replica holder : holders) {
            URI upstream = URI.create(RttEstimator.stripSlash(holder.httpAddress()) + path + "?" + localQuery);
            if (relay(upstream, request, response)) {
                return;
            }
        }
        throw new FileNotLocatedException(name, "no holder of '" + name + "' could serve it");
    }

    /** Streams one holder's answer; false if it could not be reached or does not have the file. */
    private boolean relay(URI upstream, HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(upstream).timeout(readTimeout)
                .method(request.getMethod(), HttpRequest.BodyPublishers.noBody());
        for (String header : REQUEST_HEADERS) {
            String value = request.getHeader(header);
            if (value != null) {
                builder.header(header, value);
            }
        }
        HttpResponse<InputStream> answer;
        try {
            answer = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            log.info("holder {} did not answer: {}", upstream.getAuthority(), e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        try (InputStream body = answer.body()) {
            if (answer.statusCode() == HttpServletResponse.SC_NOT_FOUND) {
                return false;
            }
            response.setStatus(answer.statusCode());
            for (String header : RESPONSE_HEADERS) {
                answer.headers().firstValue(header).ifPresent(value -> response.setHeader(header, value));
            }
            answer.headers().firstValueAsLong(HttpHeaders.CONTENT_LENGTH).ifPresent(response::setContentLengthLong);
            copy(body, response);
            return true;
        }
    }

    private void copy(InputStream body, HttpServletResponse response) throws IOException {
        OutputStream out = response.getOutputStream();
        byte[] buffer = new byte[BUFFER];
        for (int n; (n = body.read(buffer)) >= 0; ) {
            out.write(buffer, 0, n);
        }
        out.flush();
    }
}
