package io.sectorsphere.chord;

import java.util.Objects;

/**
 * A ring member as other members know it: its id and the {@code host:port} it answers ring calls
 * on. The id is always the SHA-1 of the address, so a node cannot choose where it sits.
 */
public record NodeRef(NodeId id, String address) {

    public NodeRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(address, "address");
    }

    /** The member at {@code address}, with the id derived from it. */
    public static NodeRef of(String address) {
        return new NodeRef(NodeId.ofAddress(checkAddress(address)), address);
    }

    /**
     * A member as another node claims it to be.
     *
     * @throws IllegalArgumentException if the address is malformed or the id is not the SHA-1 of it
     */
    public static NodeRef verified(NodeId claimedId, String address) {
        NodeRef actual = of(address);
        if (!actual.id.equals(claimedId)) {
            throw new IllegalArgumentException(
                    "node id " + claimedId + " is not the SHA-1 of its address " + address);
        }
        return actual;
    }

    private static String checkAddress(String address) {
        if (address == null) {
            throw new IllegalArgumentException("a node address is host:port");
        }
        int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1 || address.length() > 261) {
            throw new IllegalArgumentException("a node address is host:port, got '" + address + "'");
        }
        try {
            int port = Integer.parseInt(address.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port out of range in '" + address + "'");
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a node address is host:port, got '" + address + "'", e);
        }
        for (int i = 0; i < colon; i++) {
            char c = address.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '[' || c == ']' || c == ':')) {
                throw new IllegalArgumentException("invalid host in '" + address + "'");
            }
        }
        return address;
    }

    @Override
    public String toString() {
        return address + "/" + id.toHex().substring(0, 8);
    }
}
