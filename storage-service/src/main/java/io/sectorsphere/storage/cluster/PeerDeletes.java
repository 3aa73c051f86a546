package io.sectorsphere.storage.cluster;

import io.sectorsphere.common.FileName;
import io.sectorsphere.common.FileNamePaths;
import io.sectorsphere.common.location.Replica;
import io.sectorsphere.storage.config.StorageProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Asks another holder to delete its own copy of a file ({@code DELETE ...?scope=local}) with the
 * caller's credentials; the holder applies its own write rules, so it must allow this node's address.
 */
@Component
class PeerDeletes {

    private static final Logger log = LoggerFactory.getLogger(PeerDeletes.class);

    enum Outcome { DELETED, ABSENT, FAILED }

    private final HttpClient http;
    private final Duration readTimeout;

    PeerDeletes(HttpClient peerHttpClient, StorageProperties properties) {
        this.http = peerHttpClient;
        this.readTimeout = properties.peers().readTimeout();
    }

    Outcome delete(FileName name, Replica holder, String authorization) {
        URI uri = URI.create(RttEstimator.stripSlash(holder.httpAddress()) + "/api/v1/files/"
                + FileNamePaths.encode(name) + "?" + RemoteReads.LOCAL_ONLY);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(readTimeout).DELETE();
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        try {
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                return Outcome.DELETED;
            }
            if (status == 404) {
                return Outcome.ABSENT;
            }
            log.info("holder {} refused to delete {}: status {}", holder.holder(), name, status);
            return Outcome.FAILED;
        } catch (IOException e) {
            log.info("holder {} could not be asked to delete {}: {}", holder.holder(), name, e.toString());
            return Outcome.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.FAILED;
        }
    }
}
