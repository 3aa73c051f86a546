package io.sectorsphere.storage.cluster;

import io.sectorsphere.common.file.FileEntry;
import io.sectorsphere.common.file.FileListing;
import io.sectorsphere.common.node.NodeStatus;
import io.sectorsphere.storage.config.NodeIdentity;
import io.sectorsphere.storage.files.LocalFile;
import io.sectorsphere.storage.files.LocalIndex;
import io.sectorsphere.storage.publish.LocatorClient;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Listings by name, paged with {@code after=}: this node's files, or every live node's (from the
 * locator's node registry) merged and de-duplicated. Record indexes that travel with their file
 * are not listed; their file shows {@code indexed: true}.
 */
@Component
public class FileListings {

    private final LocalIndex index;
    private final LocatorClient locator;
    private final NodeIdentity identity;
    private final RestClient peers;

    FileListings(LocalIndex index, LocatorClient locator, NodeIdentity identity, RestClient peerRestClient) {
        this.index = index;
        this.locator = locator;
        this.identity = identity;
        this.peers = peerRestClient;
    }

    /** Up to {@code limit} of this node's files named {@code prefix...} after {@code after}. */
    public FileListing local(String prefix, String after, int limit) {
        List<FileEntry> entries = new ArrayList<>();
        String cursor = after;
        boolean more = false;
        // Companions are skipped, so a page may take more than one pass over the index.
        while (!more) {
            List<LocalFile> batch = index.page(prefix, cursor, limit + 1);
            for (LocalFile file : batch) {
                if (index.isCompanion(file.name())) {
                    continue;
                }
                if (entries.size() == limit) {
                    more = true;
                    break;
                }
                entries.add(entry(file));
            }
            if (batch.size() <= limit) {
                break;
            }
            cursor = batch.getLast().name().value();
        }
        String next = more ? entries.getLast().name() : null;
        return new FileListing(entries, next, List.of());
    }

    /**
     * Every live node's files, merged by name. Each node is asked for the same page, so the first
     * {@code limit} names of the merge are exactly the cluster's next page.
     */
    public FileListing cluster(String prefix, String after, int limit, String authorization) {
        List<NodeStatus> nodes = locator.nodes();
        TreeMap<String, FileEntry> merged = new TreeMap<>();
        List<String> unreachable = new ArrayList<>();
        boolean more = false;
        FileListing own = local(prefix, after, limit);
        own.files().forEach(entry -> merged.putIfAbsent(entry.name(), entry));
        more |= own.next() != null;
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<NodeStatus> others = nodes.stream().filter(node -> !identity.isSelf(node.address())).toList();
            List<Future<FileListing>> pages = others.stream()
                    .map(node -> executor.submit(() -> remote(node, prefix, after, limit, authorization)))
                    .toList();
            for (int i = 0; i < others.size(); i++) {
                try {
                    FileListing page = pages.get(i).get();
                    page.files().forEach(entry -> merged.putIfAbsent(entry.name(), entry));
                    more |= page.next() != null;
                } catch (ExecutionException e) {
                    unreachable.add(others.get(i).address());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while listing", e);
                }
            }
        }
        List<FileEntry> files = merged.values().stream().limit(limit).toList();
        boolean truncated = more || merged.size() > limit;
        return new FileListing(files, truncated && !files.isEmpty() ? files.getLast().name() : null, unreachable);
    }

    private FileListing remote(NodeStatus node, String prefix, String after, int limit, String authorization) {
        StringBuilder uri = new StringBuilder(RttEstimator.stripSlash(node.httpAddress()))
                .append("/api/v1/files?limit=").append(limit).append("&prefix=").append(query(prefix));
        if (after != null) {
            uri.append("&after=").append(query(after));
        }
        try {
            RestClient.RequestHeadersSpec<?> request = peers.get().uri(URI.create(uri.toString()));
            if (authorization != null) {
                request.header(HttpHeaders.AUTHORIZATION, authorization);
            }
            FileListing page = request.retrieve().body(FileListing.class);
            if (page == null) {
                throw new IllegalStateException("empty listing from " + node.address());
            }
            return page;
        } catch (RestClientException e) {
            throw new IllegalStateException("listing of " + node.address() + " failed: " + e.getMessage(), e);
        }
    }

    private FileEntry entry(LocalFile file) {
        return new FileEntry(file.name().value(), file.size(), file.mtime(), file.checksum(),
                index.hasRecordIndex(file.name()));
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
