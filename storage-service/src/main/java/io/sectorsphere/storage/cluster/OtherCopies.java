package io.sectorsphere.storage.cluster;

import io.sectorsphere.common.FileName;
import io.sectorsphere.common.location.Replica;
import io.sectorsphere.storage.config.NodeIdentity;
import io.sectorsphere.storage.files.LocalFile;
import io.sectorsphere.storage.publish.LocatorClient;
import io.sectorsphere.storage.publish.LocatorUnavailableException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps names unique across the cluster, as Sector's flat namespace requires: an upload of a name
 * another node holds is a conflict unless it overwrites, and an overwrite removes the other
 * holders' copies of the old content (the replica check then copies the new one). Both are best
 * effort: when the locator cannot be asked, the upload goes ahead on this node alone.
 */
@Component
public class OtherCopies {

    private static final Logger log = LoggerFactory.getLogger(OtherCopies.class);

    private final LocatorClient locator;
    private final NodeIdentity identity;
    private final PeerDeletes peers;

    OtherCopies(LocatorClient locator, NodeIdentity identity, PeerDeletes peers) {
        this.locator = locator;
        this.identity = identity;
        this.peers = peers;
    }

    /** Whether another node holds a file of this name, as far as the ring knows. */
    public boolean existElsewhere(FileName name) {
        return !others(name).isEmpty();
    }

    /**
     * Asks every other holder of a different version of the file to delete its copy and its index.
     *
     * @return the holders that still hold a different version
     */
    public List<String> dropStale(LocalFile current, String authorization) {
        List<Replica> stale = others(current.name()).stream()
                .filter(replica -> !replica.checksum().equalsIgnoreCase(current.checksum()))
                .toList();
        return stale.stream()
                .filter(replica -> peers.delete(current.name(), replica, authorization) == PeerDeletes.Outcome.FAILED)
                .map(Replica::holder)
                .toList();
    }

    private List<Replica> others(FileName name) {
        try {
            return locator.locate(name).map(location -> location.replicas().stream()
                    .filter(replica -> !identity.isSelf(replica.holder())).toList()).orElse(List.of());
        } catch (LocatorUnavailableException e) {
            log.warn("cannot check other copies of {}: {}", name, e.getMessage());
            return List.of();
        }
    }
}
