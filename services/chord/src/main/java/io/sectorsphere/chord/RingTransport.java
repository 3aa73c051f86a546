package io.sectorsphere.chord;

/** How a node reaches the others: REST between services, direct calls in the simulation. */
public interface RingTransport {

    RingPeer peer(NodeRef node);
}
