package io.sectorsphere.transfer.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.sectorsphere.transfer.MutableClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionCacheTest {

    private static final InetSocketAddress A = new InetSocketAddress("127.0.0.1", 1001);
    private static final InetSocketAddress B = new InetSocketAddress("127.0.0.1", 1002);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final FakeTransport transport = new FakeTransport();

    @Test
    void aReleasedConnectionIsReusedForTheSamePeerOnly() throws Exception {
        ConnectionCache cache = new ConnectionCache(2, 10, Duration.ofMinutes(1), clock);
        ConnectionCache.Lease first = cache.borrow(transport, A);
        first.release();

        ConnectionCache.Lease again = cache.borrow(transport, A);
        ConnectionCache.Lease other = cache.borrow(transport, B);

        assertThat(again.connection()).isSameAs(first.connection());
        assertThat(again.reused()).isTrue();
        assertThat(other.connection()).isNotSameAs(first.connection());
        assertThat(transport.opened).hasSize(2);
    }

    @Test
    void aLeaseClosedWithoutReleaseClosesItsConnection() throws Exception {
        ConnectionCache cache = new ConnectionCache(2, 10, Duration.ofMinutes(1), clock);
        try (ConnectionCache.Lease lease = cache.borrow(transport, A)) {
            assertThat(lease.connection().isOpen()).isTrue();
        }

        assertThat(transport.opened.getFirst().isOpen()).isFalse();
        assertThat(cache.idleCount()).isZero();
    }

    @Test
    void idleConnectionsPerPeerAreBounded() throws Exception {
        ConnectionCache cache = new ConnectionCache(2, 10, Duration.ofMinutes(1), clock);
        List<ConnectionCache.Lease> leases = List.of(cache.borrow(transport, A), cache.borrow(transport, A),
                cache.borrow(transport, A));
        leases.forEach(ConnectionCache.Lease::release);

        assertThat(cache.idleCount()).isEqualTo(2);
        assertThat(transport.opened.get(2).isOpen()).isFalse();
    }

    @Test
    void atTheTotalBoundTheConnectionIdleLongestMakesRoom() throws Exception {
        ConnectionCache cache = new ConnectionCache(2, 2, Duration.ofMinutes(1), clock);
        ConnectionCache.Lease a = cache.borrow(transport, A);
        ConnectionCache.Lease b = cache.borrow(transport, B);
        ConnectionCache.Lease c = cache.borrow(transport, new InetSocketAddress("127.0.0.1", 1003));
        a.release();
        clock.advance(Duration.ofSeconds(1));
        b.release();
        c.release();

        assertThat(cache.idleCount()).isEqualTo(2);
        assertThat(a.connection().isOpen()).isFalse();
        assertThat(b.connection().isOpen()).isTrue();
        assertThat(c.connection().isOpen()).isTrue();
    }

    @Test
    void connectionsIdleBeyondTheTimeoutAreClosedAndNotReused() throws Exception {
        ConnectionCache cache = new ConnectionCache(2, 10, Duration.ofSeconds(30), clock);
        ConnectionCache.Lease first = cache.borrow(transport, A);
        first.release();
        clock.advance(Duration.ofSeconds(31));

        cache.evictExpired();

        assertThat(first.connection().isOpen()).isFalse();
        assertThat(cache.borrow(transport, A).connection()).isNotSameAs(first.connection());
    }

    @Test
    void aConnectionThePeerClosedWhileIdleIsNotReused() throws Exception {
        ConnectionCache cache = new ConnectionCache(2, 10, Duration.ofMinutes(1), clock);
        ConnectionCache.Lease first = cache.borrow(transport, A);
        first.release();
        first.connection().close();

        assertThat(cache.borrow(transport, A).reused()).isFalse();
    }

    @Test
    void closingTheCacheClosesEveryIdleConnection() throws Exception {
        ConnectionCache cache = new ConnectionCache(2, 10, Duration.ofMinutes(1), clock);
        ConnectionCache.Lease lease = cache.borrow(transport, A);
        lease.release();

        cache.close();

        assertThat(lease.connection().isOpen()).isFalse();
    }

    private static final class FakeTransport implements DataTransport {

        final List<FakeConnection> opened = new ArrayList<>();

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public DataConnection connect(InetSocketAddress remote) {
            FakeConnection connection = new FakeConnection(remote);
            opened.add(connection);
            return connection;
        }

        @Override
        public DataListener listen(InetSocketAddress bind, ConnectionHandler handler) {
            throw new UnsupportedOperationException("clients only");
        }

        @Override
        public void close() {
        }
    }

    private static final class FakeConnection implements DataConnection {

        private final InetSocketAddress remote;
        private boolean open = true;

        FakeConnection(InetSocketAddress remote) {
            this.remote = remote;
        }

        @Override
        public InputStream input() {
            return new ByteArrayInputStream(new byte[0]);
        }

        @Override
        public OutputStream output() {
            return new ByteArrayOutputStream();
        }

        @Override
        public InetSocketAddress remoteAddress() {
            return remote;
        }

        @Override
        public String transport() {
            return "fake";
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }
    }
}
