package io.sectorsphere.storage.cluster;

import io.sectorsphere.common.FileName;
import io.sectorsphere.common.file.DeletionReport;
import io.sectorsphere.common.location.Replica;
import io.sectorsphere.storage.config.NodeIdentity;
import io.sectorsphere.storage.files.FileStore;
import io.sectorsphere.storage.files.LocalFile;
import io.sectorsphere.storage.publish.LocatorClient;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deletes a file with its record index: here (the index withdraws the record), and unless asked
 * for this node only, on every other holder the ring knows, with the caller's credentials.
 */
@Component
public class Deletions {

    private static final Logger log = LoggerFactory.getLogger(Deletions.class);

    private final FileStore fileStore;
    private final LocatorClient locator;
    private final NodeIdentity identity;
    private final PeerDeletes peers;

    Deletions(FileStore fileStore, LocatorClient locator, NodeIdentity identity, PeerDeletes peers) {
        this.fileStore = fileStore;
        this.locator = locator;
        this.identity = identity;
        this.peers = peers;
    }

    /**
     * @param localOnly delete only this node's copy
     * @throws FileNotLocatedException if no holder had the file
     */
    public DeletionReport delete(FileName name, boolean localOnly, String authorization) {
        List<String> deleted = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        boolean here = fileStore.delete(name);
        fileStore.delete(LocalFile.indexOf(name));
        if (here) {
            deleted.add(identity.get().map(NodeIdentity.Self::holder).orElse("local"));
        }
        if (!localOnly) {
            List<Replica> others = locator.locate(name).map(location -> location.replicas().stream()
                    .filter(replica -> !identity.isSelf(replica.holder())).toList()).orElse(List.of());
            for (Replica replica : others) {
                switch (peers.delete(name, replica, authorization)) {
                    case DELETED -> deleted.add(replica.holder());
                    case FAILED -> failed.add(replica.holder());
                    case ABSENT -> { }
                }
            }
        }
        if (deleted.isEmpty() && failed.isEmpty()) {
            throw new FileNotLocatedException(name, "no node holds '" + name + "'");
        }
        log.info("deleted {} on {}{}", name, deleted, failed.isEmpty() ? "" : ", failed on " + failed);
        return new DeletionReport(name.value(), deleted, failed);
    }
}
