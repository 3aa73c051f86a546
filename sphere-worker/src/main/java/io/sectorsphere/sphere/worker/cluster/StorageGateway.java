package io.sectorsphere.sphere.worker.cluster;

import io.sectorsphere.common.FileName;
import io.sectorsphere.common.FileNamePaths;
import io.sectorsphere.common.file.FileEntry;
import io.sectorsphere.common.file.FileListing;
import io.sectorsphere.common.file.FileMeta;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * What a worker asks of the storage nodes over their REST API: listings, metadata, content, and
 * writes of job output with the submitter's token. Any storage node answers for the whole cluster;
 * writes go to the node given, so output lands where it was made.
 */
public final class StorageGateway {

    private static final int PAGE = 1000;

    private final RestClient rest;
    private final HttpClient http;
    private final Duration timeout;

    public StorageGateway(RestClient rest, HttpClient http, Duration timeout) {
        this.rest = rest;
        this.http = http;
        this.timeout = timeout;
    }

    /** Every file of the cluster whose name starts with {@code prefix}, record indexes included, by name. */
    public List<FileEntry> list(String storageUrl, String prefix) {
        List<FileEntry> files = new ArrayList<>();
        String after = null;
        do {
            String uri = storageUrl + "/api/v1/files?scope=cluster&limit=" + PAGE + "&prefix=" + encode(prefix)
                    + (after == null ? "" : "&after=" + encode(after));
            FileListing page = rest.get().uri(URI.create(uri)).retrieve().body(FileListing.class);
            if (!page.unreachable().isEmpty()) {
                throw new IllegalStateException("storage nodes " + page.unreachable() + " did not answer a listing");
            }
            files.addAll(page.files());
            after = page.next();
        } while (after != null);
        return files;
    }

    /** The file's metadata with every replica, or empty if no node holds it. */
    public Optional<FileMeta> meta(String storageUrl, String name) {
        try {
            return Optional.ofNullable(rest.get().uri(URI.create(fileUrl(storageUrl, name) + "/meta")).retrieve()
                    .body(FileMeta.class));
        } catch (HttpClientErrorException.NotFound e) {
            return Optional.empty();
        }
    }

    /** Copies a file's whole content to {@code target}, through a temporary file beside it. */
    public void download(String storageUrl, String name, Path target) throws IOException {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        HttpRequest request = HttpRequest.newBuilder(URI.create(fileUrl(storageUrl, name))).timeout(timeout).GET().build();
        HttpResponse<Path> response = send(request, HttpResponse.BodyHandlers.ofFile(part));
        if (response.statusCode() != 200) {
            Files.deleteIfExists(part);
            throw new IOException("reading " + name + " from " + storageUrl + " answered " + response.statusCode());
        }
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Uploads {@code content} as {@code name} to the storage node at {@code storageUrl}. */
    public void upload(String storageUrl, String name, Path content, String token) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(fileUrl(storageUrl, name)))
                .timeout(timeout)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header(HttpHeaders.CONTENT_TYPE, "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofFile(content))
                .build();
        HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new OutputRefusedException("storing " + name + " on " + storageUrl + " answered "
                    + response.statusCode() + ": " + response.body());
        }
    }

    /** Deletes {@code name} everywhere; a name already gone is fine. */
    public void delete(String storageUrl, String name, String token) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(fileUrl(storageUrl, name)))
                .timeout(timeout)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .DELETE()
                .build();
        int status = send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status / 100 != 2 && status != 404) {
            throw new IOException("deleting " + name + " answered " + status);
        }
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
        try {
            return http.send(request, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    public static String fileUrl(String storageUrl, String name) {
        return storageUrl + "/api/v1/files/" + FileNamePaths.encode(FileName.of(name));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
