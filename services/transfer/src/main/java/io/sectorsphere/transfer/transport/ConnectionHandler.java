package io.sectorsphere.transfer.transport;

/** Serves one accepted connection until it ends; called on a thread of its own. */
@FunctionalInterface
public interface ConnectionHandler {

    void serve(DataConnection connection);
}
