package io.sectorsphere.transfer.transport;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The connections a listener accepted and has not yet seen end, so that closing it ends them too. */
final class OpenConnections {

    private final Set<DataConnection> open = ConcurrentHashMap.newKeySet();

    /** Serves {@code connection} with {@code handler} on a virtual thread, then closes it. */
    void serve(DataConnection connection, ConnectionHandler handler, String threadName) {
        open.add(connection);
        Thread.ofVirtual().name(threadName).start(() -> {
            try {
                handler.serve(connection);
            } finally {
                connection.close();
                open.remove(connection);
            }
        });
    }

    void closeAll() {
        open.forEach(DataConnection::close);
        open.clear();
    }
}
