package io.sectorsphere.udt.engine;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Cuts written bytes into packet payloads and appends them to the send buffer, blocking while
 * it is full. {@link #flush} waits until the peer acknowledged everything written.
 */
final class UdtOutputStream extends OutputStream {

    private final UdtConnection connection;
    private final ByteBufAllocator allocator;
    private final int payloadSize;
    private ByteBuf partial;

    UdtOutputStream(UdtConnection connection, ByteBufAllocator allocator) {
        this.connection = connection;
        this.allocator = allocator;
        this.payloadSize = connection.payloadSize();
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] source, int offset, int length) throws IOException {
        java.util.Objects.checkFromIndexSize(offset, length, source.length);
        while (length > 0) {
            if (partial == null) {
                partial = allocator.directBuffer(payloadSize, payloadSize);
            }
            int n = Math.min(length, partial.writableBytes());
            partial.writeBytes(source, offset, n);
            offset += n;
            length -= n;
            if (!partial.isWritable()) {
                pushPartial();
            }
        }
    }

    /** Hands a full payload to the sender; takes ownership of it. */
    void appendPacket(ByteBuf payload) throws IOException {
        connection.sendBuffer.append(payload);
        connection.requestSend();
    }

    /** Sends the bytes written so far even if they do not fill a packet. */
    void pushPartial() throws IOException {
        if (partial != null && partial.isReadable()) {
            ByteBuf payload = partial;
            partial = null;
            appendPacket(payload);
        }
    }

    @Override
    public void flush() throws IOException {
        pushPartial();
        connection.sendBuffer.awaitEmpty(Long.MAX_VALUE);
    }

    @Override
    public void close() throws IOException {
        flush();
    }

    void discard() {
        if (partial != null) {
            partial.release();
            partial = null;
        }
    }
}
