package io.sectorsphere.transfer.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;

/**
 * Idle data connections kept for reuse between node pairs (seed 004 §4): setting up a UDT
 * connection costs a handshake round trip and its rate control starts from scratch, so a node
 * that talks to the same peers again and again keeps the connections it finished with. Bounded per
 * peer and in total; a connection idle longer than {@code idleTimeout} is closed, and when the
 * total bound is reached the connection idle longest makes room.
 */
public final class ConnectionCache implements AutoCloseable {

    private record Key(String transport, InetSocketAddress remote) {
    }

    private record Idle(Key key, DataConnection connection, Instant since) {
    }

    private final int maxIdlePerPeer;
    private final int maxIdleTotal;
    private final Duration idleTimeout;
    private final Clock clock;
    /** Oldest first. */
    private final LinkedList<Idle> idle = new LinkedList<>();
    private boolean closed;

    public ConnectionCache(int maxIdlePerPeer, int maxIdleTotal, Duration idleTimeout, Clock clock) {
        if (maxIdlePerPeer < 0 || maxIdleTotal < 0 || idleTimeout.isNegative()) {
            throw new IllegalArgumentException("cache bounds must not be negative");
        }
        this.maxIdlePerPeer = maxIdlePerPeer;
        this.maxIdleTotal = maxIdleTotal;
        this.idleTimeout = idleTimeout;
        this.clock = clock;
    }

    /** A connection to {@code remote}: the one idle most recently if any is still good, else a new one. */
    public Lease borrow(DataTransport transport, InetSocketAddress remote) throws IOException {
        Key key = new Key(transport.name(), remote);
        DataConnection reused = takeIdle(key);
        if (reused != null) {
            return new Lease(this, key, reused, true);
        }
        return new Lease(this, key, transport.connect(remote), false);
    }

    /** A new connection to {@code remote}, whatever is idle. */
    public Lease connect(DataTransport transport, InetSocketAddress remote) throws IOException {
        return new Lease(this, new Key(transport.name(), remote), transport.connect(remote), false);
    }

    private DataConnection takeIdle(Key key) {
        List<DataConnection> stale = new ArrayList<>();
        DataConnection found = null;
        synchronized (this) {
            collectExpired(stale);
            Iterator<Idle> newestFirst = idle.descendingIterator();
            while (newestFirst.hasNext()) {
                Idle candidate = newestFirst.next();
                if (candidate.key().equals(key)) {
                    newestFirst.remove();
                    if (candidate.connection().isOpen()) {
                        found = candidate.connection();
                        break;
                    }
                    stale.add(candidate.connection());
                }
            }
        }
        stale.forEach(DataConnection::close);
        return found;
    }

    void giveBack(Key key, DataConnection connection) {
        List<DataConnection> evicted = new ArrayList<>();
        synchronized (this) {
            collectExpired(evicted);
            if (closed || !connection.isOpen() || maxIdlePerPeer == 0 || maxIdleTotal == 0) {
                evicted.add(connection);
            } else {
                long samePeer = idle.stream().filter(entry -> entry.key().equals(key)).count();
                if (samePeer >= maxIdlePerPeer) {
                    evicted.add(connection);
                } else {
                    if (idle.size() >= maxIdleTotal) {
                        evicted.add(idle.removeFirst().connection());
                    }
                    idle.addLast(new Idle(key, connection, clock.instant()));
                }
            }
        }
        evicted.forEach(DataConnection::close);
    }

    /** Closes connections idle longer than the timeout; also done on every borrow and return. */
    public void evictExpired() {
        List<DataConnection> expired = new ArrayList<>();
        synchronized (this) {
            collectExpired(expired);
        }
        expired.forEach(DataConnection::close);
    }

    private void collectExpired(List<DataConnection> into) {
        Instant limit = clock.instant().minus(idleTimeout);
        Iterator<Idle> oldestFirst = idle.iterator();
        while (oldestFirst.hasNext()) {
            Idle entry = oldestFirst.next();
            if (entry.since().isBefore(limit)) {
                oldestFirst.remove();
                into.add(entry.connection());
            }
        }
    }

    public synchronized int idleCount() {
        return idle.size();
    }

    @Override
    public void close() {
        List<DataConnection> all;
        synchronized (this) {
            closed = true;
            all = idle.stream().map(Idle::connection).toList();
            idle.clear();
        }
        all.forEach(DataConnection::close);
    }

    /**
     * A borrowed connection. {@link #release()} hands it back for reuse once a whole exchange is
     * done; {@link #close()} without release closes it, since its stream may be mid-frame.
     */
    public static final class Lease implements AutoCloseable {

        private final ConnectionCache cache;
        private final Key key;
        private final DataConnection connection;
        private final boolean reused;
        private boolean returned;

        private Lease(ConnectionCache cache, Key key, DataConnection connection, boolean reused) {
            this.cache = cache;
            this.key = key;
            this.connection = connection;
            this.reused = reused;
        }

        public DataConnection connection() {
            return connection;
        }

        /** Whether the connection came from the cache, so may have been closed by the peer meanwhile. */
        public boolean reused() {
            return reused;
        }

        public void release() {
            if (!returned) {
                returned = true;
                cache.giveBack(key, connection);
            }
        }

        @Override
        public void close() {
            if (!returned) {
                returned = true;
                connection.close();
            }
        }
    }
}
