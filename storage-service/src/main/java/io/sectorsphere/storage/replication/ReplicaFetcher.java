package io.sectorsphere.storage.replication;

import io.sectorsphere.common.FileName;
import io.sectorsphere.common.FileNamePaths;
import io.sectorsphere.storage.config.StorageProperties;
import io.sectorsphere.storage.files.Capacity;
import io.sectorsphere.storage.files.FileConflictException;
import io.sectorsphere.storage.files.FileStore;
import io.sectorsphere.storage.files.LocalFile;
import io.sectorsphere.storage.files.StagedFile;
import io.sectorsphere.storage.files.Staging;
import io.sectorsphere.storage.metrics.StorageMetrics;
import io.sectorsphere.storage.transfer.AgentRead;
import io.sectorsphere.storage.transfer.AgentReads;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Copies one file, with its record index if the source has one, from another storage node: both
 * are streamed into staging and verified (the file against the checksum asked for, the index
 * against its source's ETag), then the file and the index are renamed into place, in that order.
 * An index renamed first would stand alone for a moment, be published as a file of its own, and
 * could be copied alone to a third node by the replica check; a file briefly without its index
 * only answers a records request with 404 for that moment. The file itself comes through the
 * source's transfer agent when it has one (TCP or UDT by the path), else over HTTP like the index.
 */
@Component
class ReplicaFetcher {

    private static final Logger log = LoggerFactory.getLogger(ReplicaFetcher.class);

    private final HttpClient http;
    private final Staging staging;
    private final Capacity capacity;
    private final FileStore fileStore;
    private final StorageMetrics metrics;
    private final AgentReads agents;
    private final Duration readTimeout;

    ReplicaFetcher(HttpClient peerHttpClient, Staging staging, Capacity capacity, FileStore fileStore,
                   StorageMetrics metrics, AgentReads agents, StorageProperties properties) {
        this.http = peerHttpClient;
        this.staging = staging;
        this.capacity = capacity;
        this.fileStore = fileStore;
        this.metrics = metrics;
        this.agents = agents;
        this.readTimeout = properties.peers().readTimeout();
    }

    /**
     * @param sha256 lowercase hex the file must hash to
     * @param authorization sent to the source, whose reads may need a token; may be null
     * @return whether the file was stored (false if it appeared here meanwhile)
     */
    boolean fetch(FileName name, String source, String sha256, String authorization) {
        String base = source.replaceAll("/+$", "") + "/api/v1/files/" + FileNamePaths.encode(name);
        URI indexUri = URI.create(base + LocalFile.INDEX_SUFFIX + "?scope=local");
        Optional<StagedFile> index = exists(indexUri, authorization)
                ? Optional.of(download(indexUri, null, authorization)) : Optional.empty();
        try (StagedFile data = agents.open(name, source).map(read -> stage(read, sha256))
                .orElseGet(() -> download(URI.create(base + "?scope=local"), sha256, authorization))) {
            try {
                fileStore.commit(data, name, false);
            } catch (FileConflictException e) {
                log.info("replica of {} not kept: {}", name, e.getMessage());
                return false;
            }
            if (index.isPresent()) {
                fileStore.commit(index.get(), LocalFile.indexOf(name), true);
            }
            metrics.written(data.size() + index.map(StagedFile::size).orElse(0L));
            return true;
        } finally {
            index.ifPresent(StagedFile::close);
        }
    }

    private boolean exists(URI uri, String authorization) {
        HttpResponse<Void> answer = send(request(uri, authorization).method("HEAD",
                HttpRequest.BodyPublishers.noBody()), HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() == 200) {
            return true;
        }
        if (answer.statusCode() == 404) {
            return false;
        }
        throw new ReplicationFailedException(uri + " answered HEAD with " + answer.statusCode());
    }

    /** Streams {@code uri} into a staged file and verifies it against {@code sha256}, or its ETag if null. */
    private StagedFile download(URI uri, String sha256, String authorization) {
        HttpResponse<InputStream> answer = send(request(uri, authorization).GET(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = answer.body()) {
            if (answer.statusCode() != 200) {
                throw new ReplicationFailedException(uri + " answered " + answer.statusCode());
            }
            String expected = sha256 != null ? sha256 : answer.headers().firstValue(HttpHeaders.ETAG)
                    .map(tag -> tag.replace("\"", "")).orElse(null);
            long length = answer.headers().firstValueAsLong(HttpHeaders.CONTENT_LENGTH).orElse(-1);
            StagedFile staged = staging.create(capacity.open());
            try {
                staged.copyFrom(body, length);
                staged.finish();
                if (expected != null && !expected.equalsIgnoreCase(staged.sha256())) {
                    throw new ChecksumMismatchException(uri + " has SHA-256 " + staged.sha256() + ", expected "
                            + expected);
                }
                return staged;
            } catch (RuntimeException e) {
                staged.close();
                throw e;
            }
        } catch (IOException e) {
            throw new ReplicationFailedException("reading " + uri + " failed: " + e.getMessage(), e);
        }
    }

    /** Stages what a source's agent sends and verifies it against {@code sha256}. */
    private StagedFile stage(AgentRead read, String sha256) {
        try (InputStream content = read.content()) {
            StagedFile staged = staging.create(capacity.open());
            try {
                staged.copyFrom(content, read.length());
                staged.finish();
                if (!sha256.equalsIgnoreCase(staged.sha256())) {
                    throw new ChecksumMismatchException(read.agent() + " sent bytes with SHA-256 " + staged.sha256()
                            + ", expected " + sha256);
                }
                log.debug("replica bytes came from agent {} over {}", read.agent(), read.transport());
                return staged;
            } catch (RuntimeException e) {
                staged.close();
                throw e;
            }
        } catch (IOException e) {
            throw new ReplicationFailedException("reading from agent " + read.agent() + " failed: " + e.getMessage(),
                    e);
        }
    }

    private HttpRequest.Builder request(URI uri, String authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(readTimeout);
        if (authorization != null) {
            builder.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        return builder;
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request.build(), handler);
        } catch (IOException e) {
            throw new ReplicationFailedException("source did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplicationFailedException("interrupted", e);
        }
    }

    /** The copy's bytes differ from what was asked for. */
    static class ChecksumMismatchException extends ReplicationFailedException {
        ChecksumMismatchException(String message) {
            super(message);
        }
    }
}
