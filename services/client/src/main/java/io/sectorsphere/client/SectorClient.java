package io.sectorsphere.client;

import io.sectorsphere.common.file.DeletionReport;
import io.sectorsphere.common.file.FileEntry;
import io.sectorsphere.common.file.FileListing;
import io.sectorsphere.common.file.FileMeta;
import io.sectorsphere.common.file.RecordBatch;
import io.sectorsphere.common.location.FileLocation;
import io.sectorsphere.common.node.NodeStatus;
import io.sectorsphere.common.replication.ReplicationStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.StringJoiner;
import tools.jackson.core.type.TypeReference;

/**
 * A client of a Sector cluster over its REST API: files through one storage node (any node answers
 * for every file, redirecting reads to a holder), locations and cluster state through the locator.
 * Thread-safe; close it to release its connections.
 *
 * <p>Failures are {@link SectorException}s, one subclass per kind, each with the exit code the
 * {@code sector} command uses; {@link IOException} is reserved for the local files read or written.
 */
public final class SectorClient implements AutoCloseable {

    private static final String FILES = "/api/v1/files";
    private static final TypeReference<List<NodeStatus>> NODE_LIST = new TypeReference<>() {
    };

    private final SectorClientConfig config;
    private final HttpClient httpClient;
    private final HttpTransport transport;
    private final String authorization;
    private final Upload upload;
    private final Download download;

    /** A client of the node at {@code endpoint}; {@code token} (null for none) authorizes writes. */
    public SectorClient(URI endpoint, String token) {
        this(SectorClientConfig.of(endpoint, token));
    }

    public SectorClient(SectorClientConfig config) {
        this.config = config;
        this.httpClient = HttpTransport.newHttpClient(config.connectTimeout());
        this.transport = new HttpTransport(httpClient, config.requestTimeout());
        this.authorization = config.token() == null ? null : "Bearer " + config.token();
        this.upload = new Upload(transport, authorization);
        this.download = new Download(transport);
    }

    public SectorClientConfig config() {
        return config;
    }

    // ---- files -------------------------------------------------------------------------------

    /**
     * Uploads {@code file} as {@code name}.
     *
     * @return the file as the node stored it
     * @throws ConflictException if the name exists and {@code options} do not overwrite
     * @throws IOException if {@code file} cannot be read
     */
    public FileEntry put(String name, Path file, PutOptions options, TransferListener listener) throws IOException {
        URI uri = Urls.at(config.endpoint(), filePath(name) + (options.overwrite() ? "?overwrite=true" : ""));
        return upload.send("put " + name, uri, file, listener);
    }

    /**
     * Downloads {@code name} to {@code target}, replacing it only once the content is complete and
     * matches the record's checksum. With {@code resume}, continues a download that broke off, whose
     * bytes are in {@code target.part}.
     *
     * @return the metadata the content was verified against
     * @throws ChecksumMismatchException if the content does not match; nothing of it is kept
     * @throws IOException if the target or its part cannot be written
     */
    public FileMeta get(String name, Path target, boolean resume, TransferListener listener) throws IOException {
        FileMeta meta = stat(name);
        download.toFile("get " + name, content(name), meta, target, resume, listener);
        return meta;
    }

    /**
     * Streams {@code name} to {@code out} (not closed), verifying the checksum at the end.
     *
     * @throws ChecksumMismatchException after the content went out, if it does not match
     * @throws IOException if {@code out} cannot be written
     */
    public FileMeta get(String name, OutputStream out) throws IOException {
        FileMeta meta = stat(name);
        download.toStream("get " + name, content(name), meta, out);
        return meta;
    }

    /**
     * A read ticket for {@code name} and its holders' transfer agents, for {@link AgentDownload}.
     *
     * @throws UnavailableException if the node grants no tickets (no transfer secret configured)
     */
    public ReadGrant grant(String name) {
        return get(Urls.at(config.endpoint(), Urls.filePath("/api/v1/tickets/", name)), "grant " + name,
                ReadGrant.class);
    }

    /** True if the cluster has a live replica of {@code name}. */
    public boolean exists(String name) {
        HttpRequest request = transport.request(content(name)).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<InputStream> response = transport.send(request, "stat " + name,
                status -> status / 100 == 2 || status == 404);
        HttpTransport.discard(response.body());
        return response.statusCode() != 404;
    }

    /** The file's size, mtime, checksum and replicas. */
    public FileMeta stat(String name) {
        return get(Urls.at(config.endpoint(), filePath(name) + "/meta"), "stat " + name, FileMeta.class);
    }

    /**
     * One page of the cluster's files in name order.
     *
     * @param prefix only names starting with this; null for all
     * @param limit at most this many; 0 for the node's default
     * @param after only names after this one, as the previous page's {@code next} says; null to start
     */
    public FileListing list(String prefix, int limit, String after) {
        StringJoiner query = new StringJoiner("&", "?", "");
        if (prefix != null && !prefix.isEmpty()) {
            query.add("prefix=" + Urls.queryValue(prefix));
        }
        if (limit > 0) {
            query.add("limit=" + limit);
        }
        if (after != null && !after.isEmpty()) {
            query.add("after=" + Urls.queryValue(after));
        }
        query.add("scope=cluster");
        return get(Urls.at(config.endpoint(), FILES + query), "list", FileListing.class);
    }

    /** Up to {@code count} records of {@code name} from record index {@code from}, by its {@code .idx}. */
    public RecordBatch records(String name, long from, int count) {
        URI uri = Urls.at(config.endpoint(), filePath(name) + "/records?from=" + from + "&count=" + count);
        return get(uri, "records " + name, RecordBatch.class);
    }

    /** Deletes every replica of {@code name}; the report names holders that could not delete theirs. */
    public DeletionReport delete(String name) {
        String what = "delete " + name;
        HttpRequest.Builder request = transport.request(content(name)).DELETE();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<InputStream> response = transport.send(request.build(), what);
        if (response.statusCode() == 204) {
            HttpTransport.discard(response.body());
            return new DeletionReport(name, List.of(), List.of());
        }
        return Json.read(what, response.body(), DeletionReport.class);
    }

    // ---- locator -----------------------------------------------------------------------------

    /** Where the ring says {@code name} is, asked of the locator directly. */
    public FileLocation locate(String name) {
        return get(Urls.at(config.locator(), Urls.filePath("/api/v1/locate/", name)), "locate " + name,
                FileLocation.class);
    }

    /** The live storage nodes in the locator's node registry. */
    public List<NodeStatus> nodes() {
        return get(Urls.at(config.locator(), "/api/v1/nodes"), "nodes", NODE_LIST);
    }

    /** The configured locator's replica check; {@link #sysinfo()} sums it over every locator. */
    public ReplicationStatus replication() {
        return get(Urls.at(config.locator(), "/api/v1/replication"), "replication", ReplicationStatus.class);
    }

    /** Nodes, space, file counts and under-replicated files of the whole cluster. */
    public SystemInfo sysinfo() {
        return new ClusterSurvey(transport).survey(config.locator());
    }

    @Override
    public void close() {
        httpClient.close();
    }

    private URI content(String name) {
        return Urls.at(config.endpoint(), filePath(name));
    }

    private static String filePath(String name) {
        return Urls.filePath(FILES + "/", name);
    }

    private <T> T get(URI uri, String what, Class<T> type) {
        return Json.read(what, transport.send(transport.request(uri).GET().build(), what).body(), type);
    }

    private <T> T get(URI uri, String what, TypeReference<T> type) {
        return Json.read(what, transport.send(transport.request(uri).GET().build(), what).body(), type);
    }
}
