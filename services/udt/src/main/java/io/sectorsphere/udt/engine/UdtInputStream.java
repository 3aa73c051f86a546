package io.sectorsphere.udt.engine;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.InputStream;

/** Reads a connection's in-order bytes; used by one reading thread at a time. */
final class UdtInputStream extends InputStream {

    private final ReceiveBuffer buffer;
    private ByteBuf current;
    private boolean ended;

    UdtInputStream(ReceiveBuffer buffer) {
        this.buffer = buffer;
    }

    @Override
    public int read() throws IOException {
        ByteBuf chunk = nextChunk();
        return chunk == null ? -1 : chunk.readUnsignedByte();
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        java.util.Objects.checkFromIndexSize(offset, length, target.length);
        if (length == 0) {
            return 0;
        }
        ByteBuf chunk = nextChunk();
        if (chunk == null) {
            return -1;
        }
        int n = Math.min(length, chunk.readableBytes());
        chunk.readBytes(target, offset, n);
        // Fill the rest from packets already here, without waiting for more.
        while (n < length) {
            if (!current.isReadable()) {
                current.release();
                current = buffer.poll();
                if (current == null) {
                    break;
                }
            }
            int more = Math.min(length - n, current.readableBytes());
            current.readBytes(target, offset + n, more);
            n += more;
        }
        return n;
    }

    @Override
    public int available() {
        return current == null ? 0 : current.readableBytes();
    }

    /**
     * The chunk being read, or the next one once it is used up: the caller reads from it
     * without releasing it. {@code null} at the end of the stream.
     */
    ByteBuf nextChunk() throws IOException {
        if (current != null && current.isReadable()) {
            return current;
        }
        if (current != null) {
            current.release();
            current = null;
        }
        if (ended) {
            return null;
        }
        current = buffer.take();
        if (current == null) {
            ended = true;
        }
        return current;
    }

    @Override
    public void close() {
        if (current != null) {
            current.release();
            current = null;
        }
    }
}
