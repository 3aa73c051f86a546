package io.sectorsphere.storage.cluster;

import io.sectorsphere.common.FileName;
import io.sectorsphere.common.file.FileMeta;
import io.sectorsphere.common.location.FileLocation;
import io.sectorsphere.common.location.Replica;
import io.sectorsphere.storage.config.NodeIdentity;
import io.sectorsphere.storage.files.LocalFile;
import io.sectorsphere.storage.files.LocalIndex;
import io.sectorsphere.storage.index.Checksums;
import io.sectorsphere.storage.publish.LocatorClient;
import io.sectorsphere.storage.publish.LocatorUnavailableException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A file's metadata with every replica, on any node: the ring's records, completed by this node's
 * own copy if it has one (which it knows first-hand even before its record is published).
 */
@Component
public class FileMetas {

    private final LocalIndex index;
    private final Checksums checksums;
    private final LocatorClient locator;
    private final NodeIdentity identity;

    FileMetas(LocalIndex index, Checksums checksums, LocatorClient locator, NodeIdentity identity) {
        this.index = index;
        this.checksums = checksums;
        this.locator = locator;
        this.identity = identity;
    }

    /**
     * @throws FileNotLocatedException if neither this node nor the ring knows the file
     * @throws LocatorUnavailableException if the ring cannot be asked and this node has no copy
     */
    public FileMeta meta(FileName name) {
        Optional<LocalFile> local = index.get(name).flatMap(checksums::ensure);
        Optional<FileLocation> located;
        try {
            located = locator.locate(name);
        } catch (LocatorUnavailableException e) {
            if (local.isEmpty()) {
                throw e;
            }
            located = Optional.empty();
        }
        List<Replica> replicas = new ArrayList<>(located.map(FileLocation::replicas).orElse(List.of()));
        if (local.isPresent() && identity.get().isPresent()
                && replicas.stream().noneMatch(replica -> identity.isSelf(replica.holder()))) {
            NodeIdentity.Self self = identity.get().get();
            LocalFile file = local.get();
            replicas.add(new Replica(self.holder(), self.httpAddress(), self.udtAddress(), file.size(), file.mtime(),
                    file.checksum(), null));
        }
        replicas.sort(Comparator.comparing(Replica::holder));
        if (local.isPresent()) {
            LocalFile file = local.get();
            return new FileMeta(name.value(), file.size(), file.mtime(), file.checksum(),
                    index.hasRecordIndex(name), replicas);
        }
        FileLocation location = located.orElseThrow(
                () -> new FileNotLocatedException(name, "no node holds '" + name + "'"));
        return new FileMeta(name.value(), location.size(), location.mtime(), location.checksum(), null, replicas);
    }
}
