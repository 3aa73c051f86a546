package io.sectorsphere.localcluster;

import io.sectorsphere.chord.NodeId;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Which node should own a name, computed the way the ring assigns keys: the key's successor. */
public final class KeyOwnership {

    private KeyOwnership() {
    }

    /**
     * @param ringAddresses the {@code host:port} of every live member
     * @return the member whose id is the first at or after the name's key, going round the ring
     */
    public static String ownerOf(String name, Collection<String> ringAddresses) {
        if (ringAddresses.isEmpty()) {
            throw new IllegalArgumentException("no members");
        }
        NodeId key = NodeId.ofKey(name);
        List<String> byId = ringAddresses.stream()
                .sorted(Comparator.comparing(NodeId::ofAddress)).toList();
        return byId.stream().filter(address -> NodeId.ofAddress(address).compareTo(key) >= 0)
                .findFirst().orElse(byId.getFirst());
    }
}
