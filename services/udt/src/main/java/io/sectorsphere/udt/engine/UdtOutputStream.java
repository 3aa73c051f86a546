package io.sectorsphere.udt.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Copies written bytes into the send buffer's packet slots, blocking while it is full, and wakes
 * the sender. {@link #flush} waits until the peer acknowledged everything written.
 */
final class UdtOutputStream extends OutputStream {

    private final UdtConnection connection;
    private final SendBuffer buffer;

    UdtOutputStream(UdtConnection connection) {
        this.connection = connection;
        this.buffer = connection.sendBuffer;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] source, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, source.length);
        buffer.write(source, offset, length);
        connection.requestSend();
    }

    /** Sends what remains of {@code source}, as one stream with what was written before and after. */
    void write(ByteBuffer source) throws IOException {
        buffer.write(source);
        connection.requestSend();
    }

    /** Sends the bytes written so far even if they do not fill a packet. */
    void pushPartial() {
        if (buffer.publishPartial()) {
            connection.requestSend();
        }
    }

    @Override
    public void flush() throws IOException {
        pushPartial();
        buffer.awaitEmpty(Long.MAX_VALUE);
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
