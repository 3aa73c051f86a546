package io.sectorsphere.localcluster;

import io.sectorsphere.common.FileName;
import io.sectorsphere.common.FileNamePaths;
import io.sectorsphere.common.file.FileEntry;
import io.sectorsphere.common.file.FileListing;
import io.sectorsphere.common.file.FileMeta;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * A small client of one storage node's REST API, for the launcher and for tests: readiness, one
 * upload from memory, metadata and the node's own listing. Never follows redirects, so a test sees
 * what the node answered. Users have {@code SectorClient}.
 */
public final class StorageClient {

    private final String baseUrl;
    private final RestClient rest;

    /** @param http shared by the clients of one cluster; see {@link LocatorClient#newHttpClient()} */
    public StorageClient(String baseUrl, HttpClient http) {
        this.baseUrl = baseUrl;
        this.rest = NodeRest.client(baseUrl, http);
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** True once the node's index is built and its data directory writable. */
    public boolean isReady() {
        return NodeRest.isReady(rest);
    }

    /** The URL of a file's content on this node. */
    public URI fileUri(String name) {
        return URI.create(baseUrl + "/api/v1/files/" + FileNamePaths.encode(FileName.of(name)));
    }

    /**
     * Uploads {@code content} as {@code name} with the account's token, declaring its SHA-256 so the
     * node stores nothing that arrived damaged.
     *
     * @return the file as stored
     * @throws HttpClientErrorException.Conflict if the name exists and {@code overwrite} is false
     */
    public FileEntry put(String name, byte[] content, String token, boolean overwrite) {
        URI uri = URI.create(fileUri(name) + (overwrite ? "?overwrite=true" : ""));
        return rest.put().uri(uri)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header("Content-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(sha256(content)) + ":")
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(content)
                .retrieve()
                .body(FileEntry.class);
    }

    /** The file's metadata and replicas as the cluster knows them, or empty if no node holds it. */
    public Optional<FileMeta> meta(String name) {
        try {
            return Optional.ofNullable(rest.get().uri(URI.create(fileUri(name) + "/meta")).retrieve()
                    .body(FileMeta.class));
        } catch (HttpClientErrorException.NotFound e) {
            return Optional.empty();
        }
    }

    /** Whether this node itself holds {@code name}, asked without being redirected anywhere. */
    public boolean holds(String name) {
        HttpStatusCode status = rest.head().uri(URI.create(fileUri(name) + "?scope=local"))
                .exchange((request, response) -> response.getStatusCode());
        return status.is2xxSuccessful();
    }

    /** The first page (up to 10,000 names) of this node's own files. */
    public FileListing localFiles() {
        return rest.get().uri("/api/v1/files?scope=local&limit=10000").retrieve().body(FileListing.class);
    }

    static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return baseUrl;
    }
}
