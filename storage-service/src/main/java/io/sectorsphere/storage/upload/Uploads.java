package io.sectorsphere.storage.upload;

import io.sectorsphere.common.FileName;
import io.sectorsphere.storage.files.Capacity;
import io.sectorsphere.storage.files.FileConflictException;
import io.sectorsphere.storage.files.FileStore;
import io.sectorsphere.storage.files.IncompleteContentException;
import io.sectorsphere.storage.files.InsufficientStorageException;
import io.sectorsphere.storage.files.InvalidFileNameException;
import io.sectorsphere.storage.files.ReservedNames;
import io.sectorsphere.storage.files.StagedFile;
import io.sectorsphere.storage.files.Staging;
import io.sectorsphere.storage.metrics.StorageMetrics;
import io.sectorsphere.storage.metrics.StorageMetrics.Rejection;
import java.io.InputStream;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Stores an uploaded file: streamed into the staging directory while its SHA-256 is computed,
 * forced to disk, checked against the digest the sender declared, then renamed into place. Any
 * failure — a refused name, a full node, a digest mismatch, a client that goes away — leaves
 * nothing visible and nothing staged.
 */
@Service
public class Uploads {

    private static final Logger log = LoggerFactory.getLogger(Uploads.class);

    private final FileStore fileStore;
    private final Staging staging;
    private final Capacity capacity;
    private final StorageMetrics metrics;

    Uploads(FileStore fileStore, Staging staging, Capacity capacity, StorageMetrics metrics) {
        this.fileStore = fileStore;
        this.staging = staging;
        this.capacity = capacity;
        this.metrics = metrics;
    }

    /**
     * @param declaredLength the body's Content-Length, or -1 if it is sent chunked
     * @param declaredSha256 lowercase hex the content must hash to, if the sender declared one
     * @param overwrite whether an existing file of that name may be replaced
     */
    public FileStore.Commit upload(FileName name, InputStream body, long declaredLength,
                                   Optional<String> declaredSha256, boolean overwrite) {
        try {
            ReservedNames.requireStorable(name);
            if (!overwrite && fileStore.exists(name)) {
                throw new FileConflictException("'" + name + "' exists; upload with overwrite=true to replace it");
            }
            try (StagedFile staged = staging.create(capacity.open())) {
                staged.copyFrom(body, declaredLength);
                staged.finish();
                if (declaredSha256.isPresent() && !declaredSha256.get().equals(staged.sha256())) {
                    throw new DigestMismatchException("the content's SHA-256 is " + staged.sha256()
                            + ", not the declared " + declaredSha256.get() + "; nothing was stored");
                }
                FileStore.Commit commit = fileStore.commit(staged, name, overwrite);
                metrics.written(commit.file().size());
                log.debug("stored {} ({} bytes)", name, commit.file().size());
                return commit;
            }
        } catch (InvalidFileNameException e) {
            metrics.uploadRejected(Rejection.NAME);
            throw e;
        } catch (FileConflictException e) {
            metrics.uploadRejected(Rejection.EXISTS);
            throw e;
        } catch (InsufficientStorageException e) {
            metrics.uploadRejected(Rejection.CAPACITY);
            throw e;
        } catch (DigestMismatchException e) {
            metrics.uploadRejected(Rejection.DIGEST);
            throw e;
        } catch (IncompleteContentException e) {
            metrics.uploadRejected(Rejection.INCOMPLETE);
            log.info("upload of {} abandoned: {}", name, e.getMessage());
            throw e;
        }
    }
}
