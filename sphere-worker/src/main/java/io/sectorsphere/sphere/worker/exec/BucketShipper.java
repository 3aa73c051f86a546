package io.sectorsphere.sphere.worker.exec;

import io.sectorsphere.sphere.runtime.records.RecordIndex;
import io.sectorsphere.sphere.worker.shuffle.ShufflePaths;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.springframework.http.HttpHeaders;

/**
 * Sends an attempt's bucket files to the workers that own the buckets, each part kept apart there
 * under its segment and attempt until the coordinator commits the attempts it accepted.
 */
final class BucketShipper {

    /** A bucket owner could not take its part: the coordinator moves the bucket elsewhere. */
    static final class OwnerUnreachableException extends IOException {
        private final String owner;

        OwnerUnreachableException(String owner, String message) {
            super(message);
            this.owner = owner;
        }

        String owner() {
            return owner;
        }
    }

    private final HttpClient http;
    private final Duration timeout;

    BucketShipper(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    /** @return the bytes sent */
    long ship(TaskRequest request, Path outputDir) throws IOException {
        long sent = 0;
        for (int bucket = 0; bucket < request.buckets(); bucket++) {
            Path data = outputDir.resolve("bucket-" + String.format(Locale.ROOT, "%05d", bucket));
            if (!Files.isRegularFile(data)) {
                continue;
            }
            String owner = request.bucketOwners().get(bucket);
            String path = ShufflePaths.part(request.jobId(), request.stage(), bucket, request.segment(), request.attempt());
            Path index = RecordIndex.pathFor(data);
            if (Files.isRegularFile(index)) {
                put(owner, path + "?part=index", index, request.token());
            }
            put(owner, path + "?part=data", data, request.token());
            sent += Files.size(data);
        }
        return sent;
    }

    private void put(String owner, String path, Path file, String token) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(owner + path))
                .timeout(timeout)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header(HttpHeaders.CONTENT_TYPE, "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofFile(file))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new OwnerUnreachableException(owner, "bucket owner " + owner + " did not take its part: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new OwnerUnreachableException(owner, "bucket owner " + owner + " refused its part: "
                    + response.statusCode() + " " + response.body());
        }
    }
}
