package io.sectorsphere.transfer.client;

import io.sectorsphere.transfer.protocol.FrameCodec;
import io.sectorsphere.transfer.protocol.ProtocolException;
import io.sectorsphere.transfer.protocol.Request;
import io.sectorsphere.transfer.protocol.Response;
import io.sectorsphere.transfer.protocol.Status;
import io.sectorsphere.transfer.transport.ConnectionCache;
import io.sectorsphere.transfer.transport.DataTransport;
import io.sectorsphere.transfer.transport.PathQuality;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * The client side of the data protocol: each call borrows a connection from the cache, makes one
 * exchange and hands the connection back when the exchange ended cleanly; after a failure inside
 * an exchange the connection is closed, since its stream may stop mid-frame. A cached connection
 * that turns out dead before the peer answered is replaced by a new one, once.
 */
public final class DataClient {

    private static final int COPY_BUFFER = 64 << 10;

    private final ConnectionCache cache;

    public DataClient(ConnectionCache cache) {
        this.cache = cache;
    }

    private record Answer(ConnectionCache.Lease lease, Response response) {
    }

    /**
     * The round-trip time of one PING on an established connection (a first PING sets it up, so
     * connection set-up is not counted), or what the transport measured of the path if it did.
     */
    public PathQuality ping(DataTransport transport, InetSocketAddress remote) throws IOException {
        ask(transport, remote, Request.ping(), Status.OK).lease().release();
        long start = System.nanoTime();
        Answer answer = ask(transport, remote, Request.ping(), Status.OK);
        double rttMillis = (System.nanoTime() - start) / 1e6;
        try (ConnectionCache.Lease lease = answer.lease()) {
            Optional<PathQuality> measured = lease.connection().pathQuality();
            lease.release();
            return measured.orElse(new PathQuality(rttMillis, 0));
        }
    }

    /**
     * Sends {@code bytes} that {@code remote} drops, and returns what the transport measured of the
     * path meanwhile (loss and round trip; empty for a transport that measures nothing, as TCP).
     * The connection is closed afterwards, not kept: its statistics then belong to one probe.
     */
    public Optional<PathQuality> probe(DataTransport transport, InetSocketAddress remote, long bytes) throws IOException {
        Answer ready = ask(transport, remote, Request.probe(bytes), Status.READY);
        try (ConnectionCache.Lease lease = ready.lease()) {
            OutputStream out = lease.connection().output();
            byte[] zeros = new byte[COPY_BUFFER];
            for (long sent = 0; sent < bytes; sent += zeros.length) {
                out.write(zeros, 0, (int) Math.min(zeros.length, bytes - sent));
            }
            out.flush();
            Response done = FrameCodec.readResponse(lease.connection().input());
            Optional<PathQuality> measured = lease.connection().pathQuality();
            if (done.status() != Status.OK) {
                throw new TransferRefusedException(done.status(), done.message());
            }
            return measured;
        }
    }

    /** The size and SHA-256 of {@code name} at {@code remote}; {@code ticket} must allow reading it. */
    public RemoteFile stat(DataTransport transport, InetSocketAddress remote, String ticket, String name)
            throws IOException {
        Answer answer = ask(transport, remote, Request.stat(ticket, name), Status.OK);
        answer.lease().release();
        if (answer.response().sha256().length == 0) {
            throw new ProtocolException("a STAT answer without a digest");
        }
        return RemoteFile.of(answer.response().length(), answer.response().sha256());
    }

    /**
     * Reads {@code [offset, offset + length)} of {@code name} from {@code remote} into {@code target}
     * at {@code position}, reporting each piece written to {@code progress}: after a failure, the
     * bytes reported are in place.
     */
    public void read(DataTransport transport, InetSocketAddress remote, String ticket, String name,
                     long offset, long length, FileChannel target, long position,
                     ByteRateLimiter limiter, LongConsumer progress) throws IOException {
        Answer answer = ask(transport, remote, Request.get(ticket, name, offset, length), Status.OK);
        try (ConnectionCache.Lease lease = answer.lease()) {
            if (answer.response().length() != length) {
                throw new ProtocolException("asked for " + length + " bytes, offered " + answer.response().length());
            }
            copyInto(lease.connection().input(), target, position, length, limiter, progress);
            lease.release();
        }
    }

    /**
     * The bytes {@code [offset, offset + length)} of {@code name} at {@code remote} as a stream, for a
     * caller that consumes them as it reads (hashing, staging). Closing it after the last byte hands
     * the connection back; closing it earlier closes the connection.
     */
    public InputStream openRange(DataTransport transport, InetSocketAddress remote, String ticket, String name,
                                 long offset, long length) throws IOException {
        Answer answer = ask(transport, remote, Request.get(ticket, name, offset, length), Status.OK);
        if (answer.response().length() != length) {
            answer.lease().close();
            throw new ProtocolException("asked for " + length + " bytes, offered " + answer.response().length());
        }
        return new RangeStream(answer.lease(), length);
    }

    /**
     * Pushes {@code size} bytes of {@code source} as {@code name} to {@code remote}, which stores
     * them only if their SHA-256 is {@code sha256}; {@code ticket} must allow writing it.
     */
    public void push(DataTransport transport, InetSocketAddress remote, String ticket, String name,
                     FileChannel source, long size, byte[] sha256,
                     ByteRateLimiter limiter, LongConsumer progress) throws IOException {
        Answer ready = ask(transport, remote, Request.put(ticket, name, size, sha256), Status.READY);
        try (ConnectionCache.Lease lease = ready.lease()) {
            OutputStream out = lease.connection().output();
            copyFrom(source, size, out, limiter, progress);
            out.flush();
            Response stored = FrameCodec.readResponse(lease.connection().input());
            lease.release();
            if (stored.status() != Status.OK) {
                throw new TransferRefusedException(stored.status(), stored.message());
            }
        }
    }

    /**
     * Sends {@code request} and reads the answer, which must have status {@code expected}: any other
     * status hands the connection back and is thrown as {@link TransferRefusedException}.
     */
    private Answer ask(DataTransport transport, InetSocketAddress remote, Request request, Status expected)
            throws IOException {
        ConnectionCache.Lease lease = cache.borrow(transport, remote);
        Answer answer;
        try {
            answer = new Answer(lease, exchange(lease, request));
        } catch (IOException e) {
            lease.close();
            if (!lease.reused() || e instanceof ProtocolException) {
                throw e;
            }
            ConnectionCache.Lease fresh = cache.connect(transport, remote);
            try {
                answer = new Answer(fresh, exchange(fresh, request));
            } catch (IOException again) {
                fresh.close();
                throw again;
            }
        }
        if (answer.response().status() != expected) {
            answer.lease().release();
            throw new TransferRefusedException(answer.response().status(), answer.response().message());
        }
        return answer;
    }

    private static Response exchange(ConnectionCache.Lease lease, Request request) throws IOException {
        FrameCodec.writeRequest(lease.connection().output(), request);
        return FrameCodec.readResponse(lease.connection().input());
    }

    private static void copyInto(InputStream in, FileChannel target, long position, long length,
                                 ByteRateLimiter limiter, LongConsumer progress) throws IOException {
        byte[] buffer = new byte[COPY_BUFFER];
        long done = 0;
        while (done < length) {
            int want = (int) Math.min(buffer.length, length - done);
            int read = in.read(buffer, 0, want);
            if (read < 0) {
                throw new EOFException("the peer ended after " + done + " of " + length + " bytes");
            }
            throttle(limiter, read);
            ByteBuffer piece = ByteBuffer.wrap(buffer, 0, read);
            while (piece.hasRemaining()) {
                target.write(piece, position + done + piece.position());
            }
            done += read;
            progress.accept(read);
        }
    }

    private static void copyFrom(FileChannel source, long size, OutputStream out,
                                 ByteRateLimiter limiter, LongConsumer progress) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(COPY_BUFFER);
        long done = 0;
        while (done < size) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), size - done));
            int read = source.read(buffer, done);
            if (read < 0) {
                throw new EOFException("the file ended after " + done + " of " + size + " bytes");
            }
            throttle(limiter, read);
            out.write(buffer.array(), 0, read);
            done += read;
            progress.accept(read);
        }
    }

    /** Exactly the bytes of one GET answer; the end of the connection before them is an error. */
    private static final class RangeStream extends InputStream {

        private final ConnectionCache.Lease lease;
        private final InputStream in;
        private long remaining;

        RangeStream(ConnectionCache.Lease lease, long length) {
            this.lease = lease;
            this.in = lease.connection().input();
            this.remaining = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining == 0) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            int read = in.read(buffer, offset, (int) Math.min(length, remaining));
            if (read < 0) {
                throw new EOFException("the peer ended with " + remaining + " bytes still to come");
            }
            remaining -= read;
            return read;
        }

        @Override
        public void close() {
            if (remaining == 0) {
                lease.release();
            } else {
                lease.close();
            }
        }
    }

    private static void throttle(ByteRateLimiter limiter, int bytes) throws InterruptedIOException {
        try {
            limiter.acquire(bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while rate-limited");
        }
    }
}
