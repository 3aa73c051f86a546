package io.sectorsphere.storage.web;

import io.sectorsphere.common.file.FileMeta;
import io.sectorsphere.storage.cluster.FileMetas;
import io.sectorsphere.storage.cluster.FileNotLocatedException;
import io.sectorsphere.storage.cluster.RemoteReads;
import io.sectorsphere.storage.download.FileSender;
import io.sectorsphere.storage.files.FileStore;
import io.sectorsphere.storage.files.LocalFile;
import io.sectorsphere.storage.files.LocalIndex;
import io.sectorsphere.storage.index.Checksums;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET}/{@code HEAD /api/v1/files/{name}} (content), {@code .../{name}/meta} (metadata with
 * every replica) and {@code .../{name}/records?from=&count=} (records by index). A file held here is
 * served from disk; any other is resolved through the ring and redirected or proxied
 * ({@code ?proxy=true}) to the nearest holder, unless {@code ?scope=local} forbids that.
 */
@RestController
class FileReadController {

    /** Lookups of a file replaced again and again while being opened, before it counts as not held. */
    private static final int OPEN_ATTEMPTS = 3;

    private final LocalIndex index;
    private final Checksums checksums;
    private final FileStore fileStore;
    private final FileSender sender;
    private final RecordResponses records;
    private final RemoteReads remote;
    private final FileMetas metas;

    FileReadController(LocalIndex index, Checksums checksums, FileStore fileStore, FileSender sender,
                       RecordResponses records, RemoteReads remote, FileMetas metas) {
        this.index = index;
        this.checksums = checksums;
        this.fileStore = fileStore;
        this.sender = sender;
        this.records = records;
        this.remote = remote;
        this.metas = metas;
    }

    /** Returns a body only for meta and JSON records; content is written to the response directly. */
    @RequestMapping(path = "/api/v1/files/{*path}", method = {RequestMethod.GET, RequestMethod.HEAD})
    ResponseEntity<?> read(@PathVariable String path, @RequestParam(defaultValue = "false") boolean proxy,
                           @RequestParam(required = false) String scope,
                           @RequestParam(defaultValue = "0") long from, @RequestParam(defaultValue = "1") long count,
                           HttpServletRequest request, HttpServletResponse response) throws IOException {
        FileRoute route = FileRoute.parse(path);
        boolean localOnly = Scope.parse(scope, Scope.CLUSTER) == Scope.LOCAL;
        if (route.operation() == FileRoute.Operation.META) {
            FileMeta meta = metas.meta(route.name());
            return ResponseEntity.ok(meta);
        }
        for (int attempt = 0; attempt < OPEN_ATTEMPTS; attempt++) {
            Optional<LocalFile> held = index.get(route.name()).flatMap(checksums::ensure);
            if (held.isEmpty()) {
                break;
            }
            Optional<FileChannel> channel = fileStore.openIfCurrent(held.get());
            if (channel.isPresent()) {
                try (FileChannel open = channel.get()) {
                    if (route.operation() == FileRoute.Operation.RECORDS) {
                        return records.answer(held.get(), open, from, count, request, response);
                    }
                    sender.send(held.get(), open, request, response);
                    return null;
                }
            }
            // Replaced or removed between the lookup and the open: look again.
        }
        if (localOnly) {
            throw new FileNotLocatedException(route.name(), "this node does not hold '" + route.name() + "'");
        }
        String suffix = route.operation() == FileRoute.Operation.RECORDS ? "/records" : "";
        remote.answer(route.name(), suffix, proxy, request, response);
        return null;
    }
}
