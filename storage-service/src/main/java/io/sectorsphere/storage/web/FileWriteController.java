package io.sectorsphere.storage.web;

import io.sectorsphere.common.FileName;
import io.sectorsphere.common.FileNamePaths;
import io.sectorsphere.common.file.FileEntry;
import io.sectorsphere.storage.download.FileSender;
import io.sectorsphere.storage.files.FileStore;
import io.sectorsphere.storage.files.LocalFile;
import io.sectorsphere.storage.files.LocalIndex;
import io.sectorsphere.storage.metrics.StorageMetrics;
import io.sectorsphere.storage.upload.DeclaredDigest;
import io.sectorsphere.storage.upload.Uploads;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PUT /api/v1/files/{name}[?overwrite=true]}: the body, streamed, becomes the file (201, or
 * 200 when it replaced one). An optional {@code Content-Digest}/{@code Repr-Digest: sha-256=:..:}
 * or {@code X-Sector-Checksum: sha256:<hex>} is verified before anything becomes visible. A record
 * index is uploaded the same way as {@code <name>.idx}.
 */
@RestController
class FileWriteController {

    private final Uploads uploads;
    private final LocalIndex index;
    private final StorageMetrics metrics;

    FileWriteController(Uploads uploads, LocalIndex index, StorageMetrics metrics) {
        this.uploads = uploads;
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
        FileStore.Commit commit = uploads.upload(name, request.getInputStream(), request.getContentLengthLong(),
                declared, overwrite);
        LocalFile file = commit.file();
        FileEntry entry = new FileEntry(name.value(), file.size(), file.mtime(), file.checksum(),
                index.hasRecordIndex(name));
        ResponseEntity.BodyBuilder answer = commit.replaced() ? ResponseEntity.ok()
                : ResponseEntity.created(URI.create("/api/v1/files/" + FileNamePaths.encode(name)));
        return answer.eTag(FileSender.etag(file)).body(entry);
    }
}
