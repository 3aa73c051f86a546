package io.sectorsphere.locator.ring.rpc;

/** The routes of the ring calls, shared by the controller that serves them and the client that makes them. */
final class RingRpcPaths {

    static final String BASE = "/api/v1/ring/rpc";
    static final String STEP = "/step/{key}";
    static final String READ_STEP = "/read-step";
    static final String NEIGHBOURS = "/neighbours";
    static final String NOTIFY = "/notify";
    static final String PING = "/ping";
    static final String STORE = "/store";
    static final String FETCH = "/fetch";
    static final String ENTRIES = "/entries";
    static final String DEPARTED = "/departed";
    static final String GOSSIP = "/gossip";
    static final String MEMBERS = "/members";

    private RingRpcPaths() {
    }
}
