package io.sectorsphere.storage.web;

import io.sectorsphere.common.FileName;
import io.sectorsphere.common.FileNamePaths;
import io.sectorsphere.common.file.FileEntry;
import io.sectorsphere.storage.cluster.OtherCopies;
import io.sectorsphere.storage.download.FileSender;
import io.sectorsphere.storage.files.FileConflictException;
import io.sectorsphere.storage.files.FileStore;
import io.sectorsphere.storage.files.LocalFile;
import io.sectorsphere.storage.files.LocalIndex;
import io.sectorsphere.storage.metrics.StorageMetrics;
import io.sectorsphere.storage.upload.DeclaredDigest;
import io.sectorsphere.storage.upload.Uploads;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PUT /api/v1/files/{name}[?overwrite=true]}: the body, streamed, becomes the file (201, or
 * 200 when it replaced one). An optional {@code Content-Digest}/{@code Repr-Digest: sha-256=:..:}
 * or {@code X-Sector-Checksum: sha256:<hex>} is verified before anything becomes visible. A record
 * index is uploaded the same way as {@code <name>.idx}. Names are unique in the cluster: a name held
 * by another node is a conflict too, and an overwrite removes the other nodes' older copies.
 */
@RestController
class FileWriteController {

    private static final Logger log = LoggerFactory.getLogger(FileWriteController.class);

    private final Uploads uploads;
    private final OtherCopies otherCopies;
    private final LocalIndex index;
    private final StorageMetrics metrics;

    FileWriteController(Uploads uploads, OtherCopies otherCopies, LocalIndex index, StorageMetrics metrics) {
        this.uploads = uploads;
        this.otherCopies = otherCopies;
        this.index = index;
        this.metrics = metrics;
    }

    @PutMapping("/api/v1/files/{*path}")
    ResponseEntity<FileEntry> upload(@PathVariable String path, @RequestParam(defaultValue = "false") boolean overwrite,
                                     HttpServletRequest request) throws IOException {
        FileName name;
        Optional<String> declared;
        try {
            name = FileRoute.file(path);
        } catch (IllegalArgumentException e) {
            metrics.uploadRejected(StorageMetrics.Rejection.NAME);
            throw e;
        }
        try {
            declared = DeclaredDigest.sha256(request.getHeader(DeclaredDigest.CONTENT_DIGEST),
                    request.getHeader(DeclaredDigest.REPR_DIGEST), request.getHeader(DeclaredDigest.SECTOR_CHECKSUM));
        } catch (IllegalArgumentException e) {
            metrics.uploadRejected(StorageMetrics.Rejection.DIGEST);
            throw e;
        }
        if (!overwrite && otherCopies.existElsewhere(name)) {
            metrics.uploadRejected(StorageMetrics.Rejection.EXISTS);
            throw new FileConflictException("'" + name + "' exists on another node; upload with overwrite=true to "
                    + "replace it everywhere");
        }
        FileStore.Commit commit = uploads.upload(name, request.getInputStream(), request.getContentLengthLong(),
                declared, overwrite);
        LocalFile file = commit.file();
        if (overwrite) {
            List<String> stale = otherCopies.dropStale(file, request.getHeader(HttpHeaders.AUTHORIZATION));
            if (!stale.isEmpty()) {
                log.warn("{} was replaced here but {} still hold an older version", name, stale);
            }
        }
        FileEntry entry = new FileEntry(name.value(), file.size(), file.mtime(), file.checksum(),
                index.hasRecordIndex(name));
        ResponseEntity.BodyBuilder answer = commit.replaced() ? ResponseEntity.ok()
                : ResponseEntity.created(URI.create("/api/v1/files/" + FileNamePaths.encode(name)));
        return answer.eTag(FileSender.etag(file)).body(entry);
    }
}
