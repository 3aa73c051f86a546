package io.sectorsphere.udt.engine;

import io.sectorsphere.udt.UdtException;
import io.sectorsphere.udt.UdtSocket;
import io.sectorsphere.udt.UdtStats;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The application's handle on one established connection. */
final class NettyUdtSocket implements UdtSocket {

    /** File regions are mapped this much at a time, so a huge file never needs one huge mapping. */
    private static final long MAP_CHUNK = 64L << 20;

    private final UdtConnection connection;
    private final NettyUdtEndpoint endpoint;
    private final UdtInputStream input;
    private final UdtOutputStream output;
    private volatile UdtStats lastStats;

    NettyUdtSocket(UdtConnection connection, NettyUdtEndpoint endpoint) {
        this.connection = connection;
        this.endpoint = endpoint;
        this.input = new UdtInputStream(connection.receiveBuffer);
        this.output = new UdtOutputStream(connection);
    }

    UdtConnection connection() {
        return connection;
    }

    @Override
    public InputStream inputStream() {
        return input;
    }

    @Override
    public OutputStream outputStream() {
        return output;
    }

    @Override
    public long sendFile(FileChannel file, long position, long count) throws IOException {
        long length = Math.max(0, Math.min(count, file.size() - position));
        // Copied into the send buffer from a mapping: no system call per packet, the pages read ahead.
        for (long done = 0; done < length; done += MAP_CHUNK) {
            output.write(file.map(FileChannel.MapMode.READ_ONLY, position + done, Math.min(MAP_CHUNK, length - done)));
        }
        // The file's last bytes leave now rather than with whatever is written next.
        output.pushPartial();
        return length;
    }

    @Override
    public long receiveFile(FileChannel file, long position, long count) throws IOException {
        long written = 0;
        while (written < count) {
            long n = connection.receiveBuffer.write(file, position + written, count - written);
            if (n < 0) {
                throw new UdtException("the peer ended the stream after " + written + " of " + count + " bytes");
            }
            written += n;
        }
        return written;
    }

    @Override
    public UdtStats stats() {
        if (connection.state() == UdtConnection.State.CLOSED) {
            return lastStats != null ? lastStats : onLoop(connection::stats);
        }
        UdtStats stats = onLoop(connection::stats);
        lastStats = stats;
        return stats;
    }

    private UdtStats onLoop(java.util.concurrent.Callable<UdtStats> task) {
        if (connection.loop().inEventLoop()) {
            try {
                return task.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            return connection.loop().submit(task).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading statistics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read statistics", e);
        }
    }

    @Override
    public InetSocketAddress localAddress() {
        return endpoint.localAddress();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return connection.peer();
    }

    @Override
    public int socketId() {
        return connection.socketId();
    }

    @Override
    public boolean isOpen() {
        return connection.state() == UdtConnection.State.CONNECTED;
    }

    @Override
    public void close() throws IOException {
        if (connection.state() != UdtConnection.State.CONNECTED) {
            return;
        }
        try {
            output.pushPartial();
            connection.sendBuffer.awaitEmpty(connection.options().linger().toNanos());
        } catch (UdtException e) {
            // The connection already failed; closing is all that is left.
        } finally {
            shutdownOnLoop();
        }
    }

    @Override
    public void abort() {
        shutdownOnLoop();
    }

    private void shutdownOnLoop() {
        stats();
        try {
            connection.loop().submit(connection::shutdown).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | java.util.concurrent.RejectedExecutionException e) {
            // The endpoint is gone: nothing left to tell the peer.
        }
    }
}
