package io.sectorsphere.udt;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;

/**
 * One established UDT connection in STREAM mode, used like a TCP socket. Streams and file
 * methods may be used from one reading and one writing thread at a time.
 */
public interface UdtSocket extends AutoCloseable {

    /** Bytes in order as they arrive; {@code -1} once the peer shut down and all data was read. */
    InputStream inputStream();

    /** Blocks while the send buffer is full; {@code flush} waits until all written data is acknowledged. */
    OutputStream outputStream();

    /** Sends {@code count} bytes of {@code file} from {@code position}; returns the bytes sent, fewer only if the file ends first. */
    long sendFile(FileChannel file, long position, long count) throws IOException;

    /** Writes the next {@code count} received bytes into {@code file} at {@code position}; returns the bytes written. */
    long receiveFile(FileChannel file, long position, long count) throws IOException;

    UdtStats stats();

    InetSocketAddress localAddress();

    InetSocketAddress remoteAddress();

    /** This side's UDT socket id. */
    int socketId();

    boolean isOpen();

    /** Waits up to the linger time for sent data to be acknowledged, then shuts the connection down. */
    @Override
    void close() throws IOException;

    /** Shuts the connection down at once, discarding unsent data. */
    void abort();
}
